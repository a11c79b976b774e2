package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Outcome.Silence;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static final String QUESTION = "raft 能跨机房部署吗";

    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    private final ScriptedMatcher matcher = new ScriptedMatcher()
            .answering(QUESTION, ScriptedMatcher.JRAFT)
            .ignoring("谢谢");
    private final InMemoryEscalationQueue escalations = new InMemoryEscalationQueue(clock);
    private final AtomicInteger ids = new AtomicInteger();

    private Pipeline.Builder pipeline() {
        return Pipeline.builder(matcher, escalations, Runnable::run).clock(clock);
    }

    private ChatMessage ask(Platform platform, String chat, String user, String text, boolean mentioned) {
        return new ChatMessage(platform, chat, "t-1", "m-" + ids.incrementAndGet(), new Sender(user, "Ann"), text,
                mentioned, clock.instant());
    }

    private ChatMessage ask(String text) {
        return ask(Platform.WEBHOOK, "group-42", "u7", text, true);
    }

    private static Outcome outcome(CompletableFuture<Handled> handled) {
        return handled.orTimeout(5, TimeUnit.SECONDS).join().outcome();
    }

    @Test
    void answersAMentionedQuestionInTheAskersThreadAddressedToThem() {
        Outcome outcome = outcome(pipeline().build().handle(ask(QUESTION)));

        Outcome.Replied replied = assertInstanceOf(Outcome.Replied.class, outcome);
        assertEquals("t-1", replied.reply().thread());
        assertEquals("u7", replied.reply().addressee().id());
        assertTrue(replied.reply().text().startsWith("@Ann 跨机房不需要特殊支持"), replied.reply().text());
        assertTrue(replied.reply().text().contains("https://github.com/sofastack/sofa-jraft"));
        assertTrue(replied.reply().text().contains("SOFA Weekly"));
        assertSame(ScriptedMatcher.JRAFT, replied.reply().answer().item());
    }

    @Test
    void staysSilentWithoutMatchingWhenNotMentionedInMentionMode() {
        Outcome outcome = outcome(pipeline().build().handle(ask(Platform.WEBHOOK, "g", "u7", QUESTION, false)));

        assertEquals(Silence.NOT_MENTIONED, assertInstanceOf(Outcome.Silent.class, outcome).reason());
        assertEquals(0, matcher.calls());
    }

    @Test
    void answersUnaddressedQuestionsInAutoMode() {
        Pipeline pipeline = pipeline().policy(ChatPolicy.builder(ChatMode.MENTION)
                .chat(Platform.WEBHOOK, "busy", ChatMode.AUTO).build()).build();

        assertInstanceOf(Outcome.Replied.class, outcome(pipeline.handle(ask(Platform.WEBHOOK, "busy", "u7", QUESTION, false))));
        assertInstanceOf(Outcome.Silent.class, outcome(pipeline.handle(ask(Platform.WEBHOOK, "quiet", "u7", QUESTION, false))));
    }

    @Test
    void staysSilentInAChatThatIsOffEvenWhenAddressed() {
        Pipeline pipeline = pipeline().policy(ChatPolicy.builder(ChatMode.AUTO)
                .platformDefault(Platform.SLACK, ChatMode.OFF).build()).build();

        Outcome outcome = outcome(pipeline.handle(ask(Platform.SLACK, "C1", "U1", QUESTION, true)));

        assertEquals(Silence.CHAT_OFF, assertInstanceOf(Outcome.Silent.class, outcome).reason());
    }

    @Test
    void ignoresChatter() {
        Outcome outcome = outcome(pipeline().build().handle(ask("谢谢")));

        assertEquals(Silence.NOT_A_QUESTION, assertInstanceOf(Outcome.Silent.class, outcome).reason());
        assertTrue(escalations.open().isEmpty());
    }

    @Test
    void escalatesAQuestionTheKnowledgeCannotAnswerWithItsAsker() {
        ChatMessage message = ask("jraft 支持 learner 吗");

        Outcome.Escalated escalated = assertInstanceOf(Outcome.Escalated.class, outcome(pipeline().build().handle(message)));

        Escalation open = escalations.open().get(0);
        assertEquals(open.id(), escalated.escalationId());
        assertEquals("jraft 支持 learner 吗", open.question());
        assertEquals(List.of(Asker.of(message)), open.askers());
    }

    @Test
    void aRedeliveryGetsTheFirstOutcomeAndIsMarkedSoNoSecondReplyIsPosted() {
        Pipeline pipeline = pipeline().build();
        ChatMessage message = ask(QUESTION);

        Handled first = pipeline.handle(message).join();
        Handled second = pipeline.handle(message).join();

        assertFalse(first.redelivery());
        assertTrue(second.redelivery());
        assertEquals(first.outcome(), second.outcome());
        assertEquals(1, matcher.calls());
    }

    @Test
    void aRedeliveryIsToldTheFirstOutcomeAboutTheMessageAsDeliveredAgain() {
        Pipeline pipeline = pipeline().build();
        ChatMessage message = ask(QUESTION);
        Outcome.Replied first = assertInstanceOf(Outcome.Replied.class, outcome(pipeline.handle(message)));
        ChatMessage again = new ChatMessage(message.platform(), message.chat(), message.thread(), message.messageId(),
                message.sender(), message.text(), message.mentioned(), message.time().plusSeconds(3600));

        Outcome.Replied second = assertInstanceOf(Outcome.Replied.class, outcome(pipeline.handle(again)));

        assertSame(again, second.message());
        assertSame(first.reply(), second.reply());
        assertEquals(first.verdict(), second.verdict());
        assertEquals(1, matcher.calls());
    }

    @Test
    void aHandledMessageIsNotKeptForItsRedeliveries() {
        // the redelivery cache holds 100,000 deliveries for hours: their text and sender would be most of the heap
        // a matcher that, like the real index, keeps the question it was given in its verdict
        Pipeline pipeline = Pipeline.builder(question -> new Match(question, Decision.IGNORE, 0.02, List.of()),
                escalations, Runnable::run).clock(clock).build();
        ChatMessage message = ask(new String("so, lunch?")); // not the interned constant, which is always reachable
        assertInstanceOf(Outcome.Silent.class, outcome(pipeline.handle(message)));
        WeakReference<ChatMessage> handled = new WeakReference<>(message);
        WeakReference<String> text = new WeakReference<>(message.text());
        message = null;

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((handled.get() != null || text.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }

        assertNull(handled.get(), "the first delivery's message is still reachable after it was handled");
        assertNull(text.get(), "its text is still reachable (as the matcher's question?) after it was handled");
    }

    @Test
    void deliveriesWhoseChatAndIdRunTogetherAlikeAreTwoMessages() {
        Pipeline pipeline = pipeline().build();
        ChatMessage one = new ChatMessage(Platform.WEBHOOK, "group-4", null, "2-m", new Sender("u7", "Ann"), QUESTION,
                true, clock.instant());
        ChatMessage other = new ChatMessage(Platform.WEBHOOK, "group-42", null, "-m", new Sender("u8", "Bo"), QUESTION,
                true, clock.instant());

        assertFalse(pipeline.handle(one).join().redelivery());
        assertFalse(pipeline.handle(other).join().redelivery());
    }

    @Test
    void aRedeliveryArrivingWhileTheFirstIsStillWorkedOnWaitsForItsOutcome() {
        Queue<Runnable> work = new ArrayDeque<>();
        Executor queued = work::add;
        Pipeline pipeline = Pipeline.builder(matcher, escalations, queued).clock(clock).build();
        ChatMessage message = ask(QUESTION);

        CompletableFuture<Handled> first = pipeline.handle(message);
        CompletableFuture<Handled> second = pipeline.handle(message);
        assertEquals(1, work.size(), "only the first delivery is worked on");
        assertFalse(second.isDone());
        work.remove().run();

        assertEquals(first.join().outcome(), second.join().outcome());
        assertTrue(second.join().redelivery());
    }

    @Test
    void aDeliveryThatFailedIsHandledAfreshWhenRedelivered() {
        AtomicInteger calls = new AtomicInteger();
        QuestionMatcher flaky = question -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("index being swapped");
            }
            return matcher.match(question);
        };
        Pipeline pipeline = Pipeline.builder(flaky, escalations, Runnable::run).clock(clock).build();
        ChatMessage message = ask(QUESTION);

        CompletableFuture<Handled> first = pipeline.handle(message);
        assertTrue(first.isCompletedExceptionally());
        Handled retry = pipeline.handle(message).join();

        assertFalse(retry.redelivery());
        assertInstanceOf(Outcome.Replied.class, retry.outcome());
    }

    @Test
    void forgetsADeliveryIdAfterItsTtl() {
        Pipeline pipeline = pipeline().dedupTtl(Duration.ofMinutes(5)).cooldown(Duration.ofSeconds(1)).build();
        ChatMessage message = ask(QUESTION);
        pipeline.handle(message).join();

        clock.advance(Duration.ofMinutes(6));

        assertFalse(pipeline.handle(message).join().redelivery());
    }

    @Test
    void theSameAskerRepeatingAQuestionGetsOneAnswerPerCooldown() {
        Pipeline pipeline = pipeline().cooldown(Duration.ofMinutes(10)).build();

        Outcome first = outcome(pipeline.handle(ask(QUESTION)));
        clock.advance(Duration.ofMinutes(9));
        Outcome repeated = outcome(pipeline.handle(ask(QUESTION)));
        clock.advance(Duration.ofMinutes(2));
        Outcome afterCooldown = outcome(pipeline.handle(ask(QUESTION)));

        assertInstanceOf(Outcome.Replied.class, first);
        assertEquals(Silence.COOLDOWN, assertInstanceOf(Outcome.Silent.class, repeated).reason());
        assertInstanceOf(Outcome.Replied.class, afterCooldown);
    }

    @Test
    void anotherAskerIsAnsweredDuringTheFirstAskersCooldown() {
        Pipeline pipeline = pipeline().build();

        outcome(pipeline.handle(ask(Platform.WEBHOOK, "g", "u7", QUESTION, true)));

        assertInstanceOf(Outcome.Replied.class, outcome(pipeline.handle(ask(Platform.WEBHOOK, "g", "u8", QUESTION, true))));
    }

    @Test
    void dingTalkGetsAtMostTwentyRepliesAMinuteAcrossAllItsChats() {
        Pipeline pipeline = pipeline().build();

        int replied = 0;
        for (int i = 0; i < 25; i++) {
            // different askers in different chats: only the platform bucket can stop them
            if (outcome(pipeline.handle(ask(Platform.DINGTALK, "chat-" + i, "user-" + i, QUESTION, true)))
                    instanceof Outcome.Replied) {
                replied++;
            }
        }
        clock.advance(Duration.ofSeconds(3));
        Outcome afterRefill = outcome(pipeline.handle(ask(Platform.DINGTALK, "chat-x", "user-x", QUESTION, true)));

        assertEquals(20, replied);
        assertInstanceOf(Outcome.Replied.class, afterRefill, "one token refills every 3 s");
    }

    @Test
    void aBusyChatIsLimitedWithoutSilencingTheOtherChats() {
        Pipeline pipeline = pipeline().chatRate(Platform.WEBHOOK, Rate.perMinute(2)).build();

        for (int i = 0; i < 2; i++) {
            outcome(pipeline.handle(ask(Platform.WEBHOOK, "busy", "user-" + i, QUESTION, true)));
        }
        Outcome third = outcome(pipeline.handle(ask(Platform.WEBHOOK, "busy", "user-9", QUESTION, true)));
        Outcome elsewhere = outcome(pipeline.handle(ask(Platform.WEBHOOK, "other", "user-9", QUESTION, true)));

        assertEquals(Silence.RATE_LIMITED, assertInstanceOf(Outcome.Silent.class, third).reason());
        assertInstanceOf(Outcome.Replied.class, elsewhere);
    }

    @Test
    void aReplySkippedByTheRateLimitDoesNotStartTheAskersCooldown() {
        Pipeline pipeline = pipeline().chatRate(Platform.WEBHOOK, Rate.perMinute(1)).build();
        outcome(pipeline.handle(ask(Platform.WEBHOOK, "g", "u1", QUESTION, true)));

        Outcome limited = outcome(pipeline.handle(ask(Platform.WEBHOOK, "g", "u2", QUESTION, true)));
        clock.advance(Duration.ofMinutes(1));
        Outcome retried = outcome(pipeline.handle(ask(Platform.WEBHOOK, "g", "u2", QUESTION, true)));

        assertEquals(Silence.RATE_LIMITED, assertInstanceOf(Outcome.Silent.class, limited).reason());
        assertInstanceOf(Outcome.Replied.class, retried);
    }

    @Test
    void repliesOnAPlatformWithoutThreadsGoToTheChatAndMentionById() {
        Outcome outcome = outcome(pipeline().build().handle(ask(Platform.DINGTALK, "cid", "0123456789", QUESTION, true)));

        Reply reply = assertInstanceOf(Outcome.Replied.class, outcome).reply();
        assertNull(reply.thread());
        assertTrue(reply.text().startsWith("@0123456789 "), reply.text());
    }

    @Test
    void aLongAnswerIsTrimmedToThePlatformLimitAtASentenceEnd() {
        String sentence = "Raft needs a majority of nodes to be reachable. ";
        KnowledgeItem longItem = ScriptedMatcher.item("long#1", sentence.repeat(30), List.of("https://github.com/sofastack/sofa-jraft"));
        ScriptedMatcher longAnswers = new ScriptedMatcher().answering(QUESTION, longItem);
        Pipeline pipeline = Pipeline.builder(longAnswers, escalations, Runnable::run).clock(clock).build();

        Reply reply = assertInstanceOf(Outcome.Replied.class,
                outcome(pipeline.handle(ask(Platform.IRC, "#jraft", "lilei", QUESTION, true)))).reply();

        assertTrue(reply.text().length() <= Platform.IRC.maxReplyChars(), reply.text().length() + " chars");
        assertTrue(reply.text().contains("reachable.…"), reply.text());
        assertTrue(reply.text().contains("https://www.sofastack.tech/blog/sofa-weekly-20191101/"), "the source survives the cut");
    }

    @Test
    void aFailingEscalationQueueFailsTheDeliveryInsteadOfDroppingItSilently() {
        EscalationQueue broken = failingQueue();
        Pipeline pipeline = Pipeline.builder(matcher, broken, Runnable::run).clock(clock).build();

        CompletableFuture<Handled> handled = pipeline.handle(ask("unknown question"));

        CompletionException failure = assertThrows(CompletionException.class, handled::join);
        assertEquals("database down", failure.getCause().getMessage());
    }

    @Test
    void maintainerAnswersReachEveryAskerInTheirOwnChatAndDialect() {
        Pipeline pipeline = pipeline().build();
        outcome(pipeline.handle(ask(Platform.SLACK, "C1", "U1", "jraft 支持 learner 吗", true)));
        outcome(pipeline.handle(ask(Platform.TELEGRAM, "-100", "42", "jraft 支持 learner 吗", true)));
        Escalation escalation = escalations.open().get(0);
        MaintainerAnswer answer = new MaintainerAnswer("支持，见 **1.3.0**。", List.of(), "maintainer-1");

        ReplyWriter writer = new ReplyWriter(); // what the outbox worker renders them with
        List<OutboundMessage> replies = escalation.askers().stream().map(asker -> writer.answer(asker, answer, null)).toList();

        assertEquals(2, replies.size());
        assertEquals("<@U1> 支持，见 *1.3.0*。", replies.get(0).text());
        assertEquals("t-1", replies.get(0).thread());
        assertEquals("<a href=\"tg://user?id=42\">Ann</a> 支持，见 <b>1.3.0</b>。", replies.get(1).text());
        assertEquals(OutboundMessage.Author.MAINTAINER, replies.get(1).author());
    }

    private static EscalationQueue failingQueue() {
        return new EscalationQueue() {
            @Override
            public long enqueue(String question, Asker asker) {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<Escalation> open() {
                return List.of();
            }

            @Override
            public java.util.Optional<Escalation> find(long id) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Escalation> answer(long id, MaintainerAnswer answer) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Escalation> dismiss(long id) {
                return java.util.Optional.empty();
            }
        };
    }
}
