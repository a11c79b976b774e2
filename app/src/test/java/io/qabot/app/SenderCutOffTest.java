package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.ChatSender;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loop's stop ends a task waiting for a platform that does not answer by failing its post,
 * not by interrupting it (an interrupt in the write of that failure closed the embedded database).
 */
class SenderCutOffTest {
    private static final OutboundMessage MESSAGE = OutboundMessage.post(Platform.WEBHOOK, "group-42", null,
            "an answer", OutboundMessage.Author.MAINTAINER, "escalation-1/asker-1");

    @Test
    void theCutFailsAPostWaitingForASilentPlatformAndEveryLaterOne() throws Exception {
        SenderCutOff cutOff = new SenderCutOff();
        ChatSender silent = ChatSender.posting(message -> new CompletableFuture<>()); // never answers
        ChatSender guarded = cutOff.guard(silent);
        CompletableFuture<Optional<String>> waiting = guarded.post(MESSAGE);
        assertFalse(waiting.isDone());

        cutOff.cut();

        // the outbox waits with get(timeout): it returns at once, with a failure it records as any other
        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertFalse(Thread.currentThread().isInterrupted());
        assertTrue(guarded.post(MESSAGE).isCompletedExceptionally(), "a post after the cut fails at once");
        assertEquals(0, cutOff.underWay(), "nothing kept after the posts ended");
    }

    @Test
    void untilTheCutPostsPassThroughAndAreNotKeptOnceAnswered() throws Exception {
        SenderCutOff cutOff = new SenderCutOff();
        ChatSender answering = ChatSender.posting(message -> CompletableFuture.completedFuture(Optional.of("post-7")));
        ChatSender refusing = ChatSender.posting(message -> CompletableFuture.failedFuture(new IllegalStateException("403")));

        assertEquals(Optional.of("post-7"), cutOff.guard(answering).post(MESSAGE).get(30, TimeUnit.SECONDS));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> cutOff.guard(refusing).post(MESSAGE).get(30, TimeUnit.SECONDS));
        assertEquals("403", refused.getCause().getMessage());
        assertEquals(0, cutOff.underWay(), "a long run keeps no post it sent");
    }
}
