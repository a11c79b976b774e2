package io.qabot.app;

import io.qabot.core.Outcome;
import io.qabot.core.Platform;
import io.qabot.core.Telemetry;
import io.qabot.core.desk.AskedQuestion;
import io.qabot.core.desk.QuestionLog;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the record {@code qabot stats} reads: each matched question goes into a bounded queue on
 * the message path and is written to the store in batches by a timer, so a slow database never
 * slows a reply. When the queue is full (the store is down for long) questions are dropped and
 * counted in the log, rather than held without limit. Passes everything on to {@code next}.
 */
final class QuestionRecorder implements Telemetry {
    private static final Logger log = LoggerFactory.getLogger(QuestionRecorder.class);
    private static final int CAPACITY = 10_000;

    private final QuestionLog questions;
    private final Telemetry next;
    private final BlockingQueue<AskedQuestion> pending = new ArrayBlockingQueue<>(CAPACITY);
    private long dropped;
    private List<AskedQuestion> failed = List.of(); // guarded by this

    QuestionRecorder(QuestionLog questions, Telemetry next) {
        this.questions = questions;
        this.next = next;
    }

    void start(ScheduledExecutorService timer, Duration every) {
        timer.scheduleWithFixedDelay(this::flush, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void handled(Outcome outcome) {
        next.handled(outcome);
        Match match = outcome.match().orElse(null);
        if (match == null) {
            return; // silenced before anyone looked
        }
        if (match.decision() == Decision.IGNORE) {
            offer(AskedQuestion.ignored(outcome.message().time(), outcome.message().platform()));
            return;
        }
        String topic;
        if (outcome instanceof Outcome.Escalated escalated) {
            topic = "escalation:" + escalated.escalationId();
        } else if (match.decision() == Decision.ANSWER && match.best().isPresent()) {
            topic = "item:" + match.best().get().item().id();
        } else {
            return;
        }
        offer(new AskedQuestion(outcome.message().time(), outcome.message().platform(),
                outcome.message().text(), topic.startsWith("item:") ? Decision.ANSWER : Decision.ESCALATE, topic));
    }

    private void offer(AskedQuestion asked) {
        if (!pending.offer(asked)) {
            synchronized (this) {
                dropped++;
            }
        }
    }

    /**
     * Writes what is queued. A batch that fails is tried once more with the next flush (the
     * last flush at shutdown included: a timer's write cut short by the shutdown is not lost),
     * and lost and logged if it fails again.
     */
    synchronized void flush() {
        List<AskedQuestion> retrying = failed;
        failed = List.of();
        List<AskedQuestion> batch = new ArrayList<>();
        pending.drainTo(batch, 1_000);
        long lost;
        synchronized (this) {
            lost = dropped;
            dropped = 0;
        }
        if (lost > 0) {
            log.warn("stats: {} questions were not recorded (the store fell behind)", lost);
        }
        if (!retrying.isEmpty()) {
            try {
                questions.record(retrying);
            } catch (RuntimeException e) {
                log.warn("stats: could not record {} questions, twice: {}", retrying.size(), e.toString());
            }
        }
        try {
            questions.record(batch);
        } catch (RuntimeException e) {
            log.warn("stats: could not record {} questions, trying once more: {}", batch.size(), e.toString());
            failed = List.copyOf(batch);
        }
    }

    @Override
    public void matched(Duration took, Match match) {
        next.matched(took, match);
    }

    @Override
    public void flagged(Platform platform, io.qabot.core.FlagKind kind) {
        next.flagged(platform, kind);
    }

    @Override
    public void delivered(Platform platform) {
        next.delivered(platform);
    }

    @Override
    public void deliveryFailed(Platform platform, boolean retrying) {
        next.deliveryFailed(platform, retrying);
    }

    @Override
    public void outboundDropped(Platform platform) {
        next.outboundDropped(platform);
    }
}
