package io.qabot.core.desk;

import io.qabot.core.ChatSender;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.ReplyWriter;
import io.qabot.core.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers maintainers' answers from the outbox through each asker's connector. A pass leases
 * the due rows, renders each for its asker's platform ({@link ReplyWriter}, as the bot's own answers), sends it with the row's idempotency key
 * and records the result: sent, or failed with the next attempt pushed back exponentially.
 * Rows survive any crash because they were written with the answer; a row is only ever sent
 * by the holder of its lease.
 *
 * <p>Passes run on one scheduler thread, every {@code tick} and whenever {@link #wake()} is
 * called after an answer.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final Map<Platform, ChatSender> senders;
    private final ReplyWriter writer = new ReplyWriter();
    private final Clock clock;
    private final Options options;
    private final Telemetry telemetry;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> ticking;

    /** @param senders each connector's sender, by platform: made once the connectors exist */
    public OutboxWorker(Outbox outbox, Map<Platform, ChatSender> senders, Clock clock, Options options) {
        this(outbox, senders, clock, options, Telemetry.NONE);
    }

    /** @param telemetry told about each delivery sent, failed and given up on */
    public OutboxWorker(Outbox outbox, Map<Platform, ChatSender> senders, Clock clock, Options options,
                        Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.senders = Map.copyOf(senders);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param owner       names this worker in leases; unique per process
     * @param lease       how long a leased row is this worker's alone; longer than any send
     * @param firstRetry  the wait after the first failure, doubled after each further one
     * @param maxRetry    the longest wait between attempts
     * @param maxAttempts after this many failures the row is marked failed and left for a maintainer
     */
    public record Options(String owner, Duration lease, int batch, Duration firstRetry, Duration maxRetry,
                          int maxAttempts) {
        public Options {
            Objects.requireNonNull(owner, "owner");
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease must be positive: " + lease);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1: " + batch);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
        }

        public static Options defaults(String owner) {
            return new Options(owner, Duration.ofSeconds(60), 20, Duration.ofSeconds(2), Duration.ofMinutes(10), 12);
        }

        public Options withRetries(Duration first, Duration max) {
            return new Options(owner, lease, batch, first, max, maxAttempts);
        }
    }

    /** Starts passes every {@code tick} on {@code scheduler}. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration tick) {
        this.scheduler = scheduler;
        ticking = scheduler.scheduleWithFixedDelay(this::safePass, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass now; several wakes before it runs make one pass. */
    public void wake() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
        }
        if (s != null && wakeQueued.compareAndSet(false, true)) {
            s.execute(() -> {
                wakeQueued.set(false);
                safePass();
            });
        }
    }

    /** One pass over the due deliveries; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        List<PendingDelivery> due = outbox.lease(options.owner(), clock.instant(), options.lease(), options.batch());
        for (PendingDelivery pending : due) {
            if (deliver(pending)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(PendingDelivery pending) {
        Delivery delivery = pending.delivery();
        ChatSender sender = senders.get(delivery.asker().platform());
        String error;
        if (sender == null) {
            error = "no connector is on for " + delivery.asker().platform().wireName();
        } else {
            try {
                OutboundMessage message = render(pending);
                // wait at most half the lease, so the row is recorded before anyone else may take it
                Optional<String> posted = sender.post(message).get(options.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
                outbox.sent(delivery.id(), options.owner(), clock.instant(), posted);
                telemetry.delivered(delivery.asker().platform());
                log.info("delivered the answer to escalation {} to {} in {} {}", delivery.escalationId(),
                        delivery.asker().user().id(), delivery.asker().platform().wireName(), delivery.asker().chat());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (ExecutionException e) {
                error = String.valueOf(e.getCause());
            } catch (TimeoutException e) {
                error = "no answer from the platform within " + options.lease().dividedBy(2);
            } catch (RuntimeException e) {
                error = e.toString();
            }
        }
        int failures = delivery.attempts() + 1;
        Optional<Instant> retryAt = failures >= options.maxAttempts()
                ? Optional.empty()
                : Optional.of(clock.instant().plus(backoff(failures)));
        outbox.failed(delivery.id(), options.owner(), error, retryAt);
        telemetry.deliveryFailed(delivery.asker().platform(), retryAt.isPresent());
        log.warn("delivering the answer to escalation {} to {} failed (attempt {}): {}; {}", delivery.escalationId(),
                delivery.asker().user().id(), failures, error,
                retryAt.map(at -> "next attempt at " + at).orElse("giving up"));
        return false;
    }

    private OutboundMessage render(PendingDelivery pending) {
        Delivery delivery = pending.delivery();
        return writer.answer(delivery.asker(), pending.answer(), delivery.idempotencyKey()).withReplyId(pending.replyId());
    }

    /** {@code firstRetry × 2^(failures-1)}, at most {@code maxRetry}. */
    Duration backoff(int failures) {
        Duration wait = options.firstRetry();
        for (int i = 1; i < failures && wait.compareTo(options.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(options.maxRetry()) > 0 ? options.maxRetry() : wait;
    }

    private void safePass() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("outbox pass failed; trying again at the next tick", e);
        }
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        scheduler = null;
    }
}
