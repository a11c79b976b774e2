package io.qabot.core.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.MutableClock;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The worker's side of delivery: what it sends, and how it records success and failure. */
class OutboxWorkerTest {
    final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    final RecordingOutbox outbox = new RecordingOutbox();
    final List<OutboundMessage> sent = new ArrayList<>();
    boolean platformDown;

    OutboxWorker worker(Map<Platform, io.qabot.core.ChatSender> senders) {
        return new OutboxWorker(outbox, senders, clock, OutboxWorker.Options.defaults("w1"));
    }

    OutboxWorker slackWorker() {
        return worker(Map.of(Platform.SLACK, message -> {
            if (platformDown) {
                return CompletableFuture.failedFuture(new IllegalStateException("503 from Slack"));
            }
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        }));
    }

    @Test
    void sendsEachDueDeliveryToItsAskerWithItsIdempotencyKeyAndRecordsIt() {
        outbox.pending.add(pending(1, Platform.SLACK, 0));

        assertEquals(1, slackWorker().deliverDue());

        OutboundMessage message = sent.get(0);
        assertEquals("C1", message.chat());
        assertEquals("t-1", message.thread());
        assertEquals("<@u1> 跨机房不需要特殊支持。", message.text(), "rendered for Slack, addressed to the asker");
        assertEquals("escalation-42/asker-1", message.idempotencyKey());
        assertEquals(List.of("sent 1"), outbox.records);
    }

    @Test
    void theAnswerCarriesItsReplyIdAndThePlatformsIdForThePostIsRecorded() {
        outbox.pending.add(pending(7, Platform.SLACK, 0));
        OutboxWorker worker = worker(Map.of(Platform.SLACK, io.qabot.core.ChatSender.posting(message -> {
            sent.add(message);
            return CompletableFuture.completedFuture(Optional.of("1700000000.000100"));
        })));

        assertEquals(1, worker.deliverDue());

        assertEquals("reply-7", sent.get(0).replyId(), "the id members flag the delivered answer by");
        assertEquals(List.of("sent 7 as 1700000000.000100"), outbox.records, "a 👎 on the post finds the reply");
    }

    @Test
    void aFailedSendIsRetriedLaterWithTheWaitDoublingEachTime() {
        platformDown = true;
        outbox.pending.add(pending(1, Platform.SLACK, 0));
        outbox.pending.add(pending(2, Platform.SLACK, 3));

        slackWorker().deliverDue();

        Instant now = clock.instant();
        assertEquals(List.of("failed 1 retry at " + now.plusSeconds(2), "failed 2 retry at " + now.plusSeconds(16)),
                outbox.records);
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsGivenUp() {
        platformDown = true;
        outbox.pending.add(pending(1, Platform.SLACK, 11));

        slackWorker().deliverDue();

        assertEquals(List.of("failed 1 for good"), outbox.records);
    }

    @Test
    void aPlatformWithoutAConnectorIsAFailureToRetryNotALoss() {
        outbox.pending.add(pending(1, Platform.TELEGRAM, 0));

        slackWorker().deliverDue();

        assertTrue(outbox.records.get(0).startsWith("failed 1 retry at"), outbox.records.toString());
        assertTrue(outbox.errors.get(0).contains("no connector is on for telegram"));
    }

    @Test
    void theWaitBetweenAttemptsIsCapped() {
        OutboxWorker worker = slackWorker();
        assertEquals(Duration.ofSeconds(2), worker.backoff(1));
        assertEquals(Duration.ofSeconds(64), worker.backoff(6));
        assertEquals(Duration.ofMinutes(10), worker.backoff(30));
    }

    PendingDelivery pending(long id, Platform platform, int attempts) {
        Asker asker = new Asker(platform, "C1", "t-1", new Sender("u" + id, "Ann"), "m-" + id, clock.instant());
        Delivery delivery = new Delivery(id, 42, asker, "escalation-42/asker-" + id, Delivery.State.PENDING, attempts,
                clock.instant(), Optional.empty(), Optional.empty());
        return new PendingDelivery(delivery, "SOFAJRaft 支持跨机房部署吗？", new MaintainerAnswer("跨机房不需要特殊支持。", List.of(), "alice"),
                "reply-" + id);
    }

    /** Hands out what it holds once, and records what the worker reports. */
    static final class RecordingOutbox implements Outbox {
        final List<PendingDelivery> pending = new ArrayList<>();
        final List<String> records = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public List<PendingDelivery> lease(String owner, Instant now, Duration leaseFor, int max) {
            List<PendingDelivery> out = List.copyOf(pending);
            pending.clear();
            return out;
        }

        @Override
        public boolean sent(long deliveryId, String owner, Instant at, Optional<String> postId) {
            records.add("sent " + deliveryId + postId.map(p -> " as " + p).orElse(""));
            return true;
        }

        @Override
        public boolean failed(long deliveryId, String owner, String error, Optional<Instant> retryAt) {
            records.add("failed " + deliveryId + retryAt.map(at -> " retry at " + at).orElse(" for good"));
            errors.add(error);
            return true;
        }
    }
}
