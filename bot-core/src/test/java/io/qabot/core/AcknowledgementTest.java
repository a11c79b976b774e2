package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An asker whose question goes to the maintainers hears so in their thread, where the answer will come later. */
class AcknowledgementTest {
    private static final String UNKNOWN = "sofa-registry 怎么做灰度发布？";
    private static final String CLOSE = "sofa-rpc 的超时可以按方法配吗";

    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    private final InMemoryEscalationQueue escalations = new InMemoryEscalationQueue(clock);
    private final List<OutboundMessage> posted = new ArrayList<>();
    private final ChatSender sender = ChatSender.posting(message -> {
        synchronized (posted) {
            posted.add(message);
        }
        return CompletableFuture.completedFuture(Optional.empty());
    });
    private final AtomicInteger ids = new AtomicInteger();

    // a close call: four posts came near, one of them twice, none sure enough to answer; an
    // unknown question at 0.45, where out of fold fewer than two lists in three would lead with
    // the post that answers (Acknowledgement.RELATED_MIN), lists none
    private final QuestionMatcher matcher = question -> question.equals(CLOSE)
            ? new Match(question, Decision.ESCALATE, 0.5, List.of(candidate(1, "RPC 超时 | SOFA Weekly"),
                    candidate(2, "SOFARPC 方法级配置"), candidate(1, "RPC 超时 | SOFA Weekly"),
                    candidate(3, "Timeouts [in] *SOFA*"), candidate(4, "the fourth")))
            : new Match(question, Decision.ESCALATE, 0.45, List.of(candidate(9, "unrelated")));

    private Pipeline pipeline(ChatPolicy policy, Map<Platform, Map<String, Boolean>> chats) {
        return Pipeline.builder(matcher, escalations, Runnable::run).clock(clock).policy(policy)
                .acknowledge(new Acknowledgement(true, 3, policy, chats)).build();
    }

    private ChatMessage ask(Platform platform, String chat, String text, boolean mentioned) {
        return new ChatMessage(platform, chat, "1700000000.000100", "m-" + ids.incrementAndGet(),
                new Sender("U07", "Ann"), text, mentioned, clock.instant());
    }

    // as a connector does: handle, then post what the outcome says through its sender
    private Outcome handle(Pipeline pipeline, ChatMessage message) {
        Handled handled = pipeline.handle(message).orTimeout(5, TimeUnit.SECONDS).join();
        pipeline.deliver(handled, sender).orTimeout(5, TimeUnit.SECONDS).join();
        return handled.outcome();
    }

    @Test
    void anAskerWhoAddressedTheBotHearsThatAMaintainerWasAskedAndTheAnswerComesToTheSameThread() {
        Pipeline pipeline = pipeline(ChatPolicy.everywhere(ChatMode.MENTION), Map.of());
        ChatMessage question = ask(Platform.SLACK, "C0123", UNKNOWN, true);

        Outcome.Escalated escalated = assertInstanceOf(Outcome.Escalated.class, handle(pipeline, question));

        assertEquals(1, posted.size(), posted.toString());
        OutboundMessage ack = posted.get(0);
        assertEquals("C0123", ack.chat());
        assertEquals("1700000000.000100", ack.thread());
        assertEquals(question.messageId(), ack.replyTo().orElseThrow());
        assertEquals("<@U07> 这个问题我还答不上来，已经转给社区维护者（#" + escalated.escalationId()
                + "），有了答复会在这里回复你。", ack.text());
        assertEquals(OutboundMessage.Author.BOT, ack.author());

        Escalation open = escalations.find(escalated.escalationId()).orElseThrow();
        OutboundMessage answer = new ReplyWriter().answer(open.askers().get(0),
                new MaintainerAnswer("可以，见文档。", List.of(), "alice"), null);
        assertEquals(List.of(ack.chat(), ack.thread(), ack.replyTo()),
                List.of(answer.chat(), answer.thread(), answer.replyTo()), "the answer comes where the acknowledgement went");
    }

    @Test
    void aCloseCallListsUpToThreeRelatedPostsByTitleAndLinkMarkedAsNotTheAnswer() {
        Pipeline pipeline = pipeline(ChatPolicy.everywhere(ChatMode.MENTION), Map.of());

        handle(pipeline, ask(Platform.SLACK, "C0123", CLOSE, true));

        String text = posted.get(0).text();
        assertTrue(text.contains("也许相关的文章（不是答案）："), text);
        assertTrue(text.contains("<https://example.org/post-1|RPC 超时 SOFA Weekly>"), text);
        assertTrue(text.contains("<https://example.org/post-2|SOFARPC 方法级配置>"), text);
        assertTrue(text.contains("<https://example.org/post-3|Timeouts in SOFA>"), text);
        assertFalse(text.contains("post-4"), "three at most: " + text);
        assertEquals(1, text.split("post-1").length - 1, "each post once: " + text);
        assertFalse(text.contains("answer of post"), "titles and links only, never an answer: " + text);
    }

    @Test
    void aFarOffGuessListsNothingAndEnglishQuestionsHearEnglish() {
        Pipeline pipeline = pipeline(ChatPolicy.everywhere(ChatMode.MENTION), Map.of());

        handle(pipeline, ask(Platform.TELEGRAM, "-100", "How do I run this on a toaster?", true));

        String text = posted.get(0).text();
        assertTrue(text.contains("I can't answer this yet, so I've asked the maintainers (#1); their answer will come here."),
                text);
        assertFalse(text.contains("example.org"), text);
    }

    @Test
    void autoChatsStayQuietUnlessTheirOwnSettingSaysOtherwiseAndTheWebhookNeverGetsOne() {
        ChatPolicy policy = ChatPolicy.builder(ChatMode.MENTION).platformDefault(Platform.SLACK, ChatMode.AUTO).build();
        Pipeline pipeline = pipeline(policy, Map.of(Platform.SLACK, Map.of("C-loud", true)));

        handle(pipeline, ask(Platform.SLACK, "C-busy", UNKNOWN, true));
        handle(pipeline, ask(Platform.SLACK, "C-busy", "another unknown thing, how?", false));
        handle(pipeline, ask(Platform.WEBHOOK, "group-42", "and a third unknown one?", true));
        assertEquals(List.of(), posted, "no acknowledgement in auto chats or on the webhook");

        handle(pipeline, ask(Platform.SLACK, "C-loud", UNKNOWN, false));
        assertEquals(1, posted.size());
        assertEquals("C-loud", posted.get(0).chat());
    }

    @Test
    void aRedeliveryIsNotAcknowledgedTwice() {
        Pipeline pipeline = pipeline(ChatPolicy.everywhere(ChatMode.MENTION), Map.of());
        ChatMessage question = ask(Platform.SLACK, "C0123", UNKNOWN, true);

        handle(pipeline, question);
        handle(pipeline, question);

        assertEquals(1, posted.size());
    }

    private static Candidate candidate(int post, String title) {
        Source source = new Source("post-" + post + ".md", title, LocalDate.of(2020, 1, post),
                "https://example.org/post-" + post);
        return new Candidate(new KnowledgeItem("post-" + post + "#1", List.of(new Turn("q " + post, "answer of post " + post, 0)),
                List.of(), "", source, Origin.DIGEST), 0, 5.0 - post);
    }
}
