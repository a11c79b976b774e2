package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.ChatMessage;
import io.qabot.core.FlagKind;
import io.qabot.core.FlagReceipt;
import io.qabot.core.Outcome;
import io.qabot.core.Platform;
import io.qabot.core.Reply;
import io.qabot.core.Sender;
import io.qabot.core.feedback.AnsweredReply;
import io.qabot.core.feedback.FeedbackStore;
import io.qabot.core.feedback.Flags;
import io.qabot.core.feedback.QueuedReplies;
import io.qabot.core.feedback.Screen;
import io.qabot.core.feedback.WrongWords;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies written off the message path, on the embedded store: found by a flag at once, none lost. */
class QueuedRepliesTest {
    private static final String CHAT = "group-42";
    private final Clock clock = Clock.systemUTC();

    @TempDir
    Path dataDir;

    @Test
    void aFlagRightAfterTheAnswersFindsTheLastOne() throws Exception {
        try (Store store = Store.open(dataDir, Optional.empty(), clock);
             QueuedReplies replies = new QueuedReplies(store.feedback())) {
            Flags flags = new Flags(replies, new Screen(replies, Duration.ofSeconds(1)), new WrongWords(List.of("不对")), clock);
            for (int i = 0; i < 300; i++) {
                flags.replied(replied("r" + i));
            }
            ChatMessage wrong = new ChatMessage(Platform.WEBHOOK, CHAT, "t-1", "m-wrong", new Sender("u2", "Bo"), "不对",
                    false, clock.instant(), "r299");

            assertEquals(Optional.of("r299"), flags.wrongAbout(wrong));
            FlagReceipt receipt = flags.flag("r299", Platform.WEBHOOK, CHAT, FlagKind.WRONG,
                    new Asker(Platform.WEBHOOK, CHAT, "t-1", new Sender("u2", "Bo"), "m-wrong", clock.instant()));
            assertTrue(receipt.recorded(), "the flag is recorded against the reply");
            assertTrue(receipt.escalationId().isPresent(), "and escalates its question");
        }
    }

    @Test
    void closingWritesEveryQueuedReplyAndPostIdAndLaterOnesAreWrittenAtOnce() throws Exception {
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            QueuedReplies replies = new QueuedReplies(store.feedback());
            for (int i = 0; i < 200; i++) {
                replies.remember(reply("r" + i));
                if (i % 10 == 0) {
                    replies.postedAs("r" + i, "post-" + i);
                }
            }
            replies.close();
            replies.remember(reply("after-close"));

            FeedbackStore stored = store.feedback(); // read around the queue: what is really in the database
            for (int i = 0; i < 200; i++) {
                assertTrue(stored.reply(Platform.WEBHOOK, CHAT, "r" + i).isPresent(), "reply r" + i);
                if (i % 10 == 0) {
                    assertEquals(Optional.of("r" + i), stored.reply(Platform.WEBHOOK, CHAT, "post-" + i)
                            .map(AnsweredReply::replyId), "post id of r" + i);
                }
            }
            assertTrue(stored.reply(Platform.WEBHOOK, CHAT, "after-close").isPresent());
            assertEquals(0, replies.overflowed());
        }
    }

    @Test
    void repliesAndTheirPostIdsInterleavedAreWrittenInAFewCommitsNotTwoPerReply() throws Exception {
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch storeBack = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
            FeedbackStore real = store.feedback();
            // the writer's first write waits until all 300 answers and their post ids are queued,
            // as when the store is busy for a moment; each write the store then sees is one commit
            FeedbackStore counting = (FeedbackStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FeedbackStore.class}, (proxy, method, args) -> {
                        if (List.of("remember", "rememberAll", "postedAs", "postedAsAll").contains(method.getName())) {
                            writes.incrementAndGet();
                            if (writerBusy.getCount() > 0) {
                                writerBusy.countDown();
                                assertTrue(storeBack.await(30, TimeUnit.SECONDS));
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            QueuedReplies replies = new QueuedReplies(counting);
            replies.remember(reply("r0"));
            assertTrue(writerBusy.await(30, TimeUnit.SECONDS), "the writer took r0");
            replies.postedAs("r0", "post-0");
            for (int i = 1; i < 300; i++) {
                replies.remember(reply("r" + i));
                replies.postedAs("r" + i, "post-" + i); // as on Slack or Telegram: the post's id once sent
            }
            storeBack.countDown();
            replies.close();

            for (int i = 0; i < 300; i++) {
                assertEquals(Optional.of("r" + i), real.reply(Platform.WEBHOOK, CHAT, "post-" + i).map(AnsweredReply::replyId),
                        "post id of r" + i);
            }
            // r0 alone, then per batch of 256 queued writes one commit for its replies and one for its post ids
            assertTrue(writes.get() <= 8, "commits for 300 replies and their post ids: " + writes.get());
            assertEquals(0, replies.overflowed());
        }
    }

    @Test
    void aFullQueueWritesOnTheCallersThreadAndCountsIt() throws Exception {
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch storeBack = new CountDownLatch(1);
            FeedbackStore real = store.feedback();
            // the writer's first batch hangs, as on a store that stopped answering
            FeedbackStore slow = (FeedbackStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {FeedbackStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("rememberAll") && writerBusy.getCount() > 0) {
                            writerBusy.countDown();
                            assertTrue(storeBack.await(30, TimeUnit.SECONDS));
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            QueuedReplies replies = new QueuedReplies(slow, 4);
            replies.remember(reply("r0"));
            assertTrue(writerBusy.await(30, TimeUnit.SECONDS), "the writer took r0");
            for (int i = 1; i <= 4; i++) {
                replies.remember(reply("r" + i)); // fills the queue
            }
            replies.remember(reply("r5"));

            assertEquals(1, replies.overflowed());
            assertTrue(real.reply(Platform.WEBHOOK, CHAT, "r5").isPresent(), "written at once, on this thread");
            storeBack.countDown();
            replies.close();
            for (int i = 0; i <= 5; i++) {
                assertTrue(real.reply(Platform.WEBHOOK, CHAT, "r" + i).isPresent(), "reply r" + i);
            }
        }
    }

    private AnsweredReply reply(String id) {
        return new AnsweredReply(id, Platform.WEBHOOK, CHAT, "t-1", new Sender("u1", "Ann"), "m-" + id,
                "SOFAJRaft 支持跨机房部署吗？", FeedbackStoreContract.JRAFT.id(), 0, "支持。",
                FeedbackStoreContract.JRAFT.source(), 0.9, clock.instant());
    }

    private Outcome.Replied replied(String id) {
        ChatMessage question = new ChatMessage(Platform.WEBHOOK, CHAT, "t-1", "m-" + id, new Sender("u1", "Ann"),
                "SOFAJRaft 支持跨机房部署吗？", true, clock.instant());
        Candidate best = new Candidate(FeedbackStoreContract.JRAFT, 0, 2.0);
        return new Outcome.Replied(question, new Match(question.text(), Decision.ANSWER, 0.9, List.of(best)),
                new Reply("…", "t-1", question.sender(), best, id));
    }
}
