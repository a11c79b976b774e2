package io.qabot.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qabot.admin.ReloadResult;
import io.qabot.core.Escalation;
import io.qabot.core.Outcome;
import io.qabot.core.Platform;
import io.qabot.core.Telemetry;
import io.qabot.knowledge.Match;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's metrics in a Prometheus registry: what the message path reports through bot-core's
 * {@link Telemetry} port, knowledge reloads, the escalation queue read from the store at scrape
 * time, and the JVM's basics. Every update is a counter increment or a histogram record, cheap
 * enough for any thread; the store is read only while {@code GET /metrics} is being answered,
 * on the bot's executor.
 */
final class PrometheusMetrics implements Telemetry, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PrometheusMetrics.class);
    private static final double[] CONFIDENCE_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<List<Escalation>> openEscalations;
    private final Clock clock;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer matchLatency;
    private final DistributionSummary confidence;
    // what the last scrape read from the store; gauges read these, so one scrape is one query
    private volatile int open;
    private volatile double oldestOpenSeconds;
    private volatile int knowledgeItems;

    PrometheusMetrics(Supplier<List<Escalation>> openEscalations, Clock clock) {
        this.openEscalations = openEscalations;
        this.clock = clock;
        this.matchLatency = Timer.builder("qabot.match.latency")
                .description("Time to match one question against the knowledge")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.confidence = DistributionSummary.builder("qabot.match.confidence")
                .description("The matcher's confidence in its best candidate, for questions")
                .serviceLevelObjectives(CONFIDENCE_BUCKETS)
                .register(registry);
        Gauge.builder("qabot.escalations.open", () -> open)
                .description("Escalations waiting for a maintainer (open or claimed)").register(registry);
        Gauge.builder("qabot.escalations.oldest.age", () -> oldestOpenSeconds).baseUnit("seconds")
                .description("Age of the oldest escalation still waiting for a maintainer").register(registry);
        Gauge.builder("qabot.knowledge.items", () -> knowledgeItems)
                .description("Q&A threads read by the last knowledge load").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void handled(Outcome outcome) {
        String platform = outcome.message().platform().wireName();
        String decision = outcome instanceof Outcome.Silent silent ? silent.reason().wireName()
                : outcome instanceof Outcome.Escalated ? "escalated"
                : outcome instanceof Outcome.Flagged ? "flagged" : "replied";
        Counter.builder("qabot.messages").description("Messages handled, by platform and what the bot did")
                .tag("platform", platform).tag("decision", decision).register(registry).increment();
        if (outcome instanceof Outcome.Silent s && s.reason() == Outcome.Silence.RATE_LIMITED) {
            Counter.builder("qabot.replies.rate.limited").description("Replies held back by the outbound rate limits")
                    .tag("platform", platform).register(registry).increment();
        }
    }

    @Override
    public void flagged(io.qabot.core.Platform platform, io.qabot.core.FlagKind kind) {
        Counter.builder("qabot.answers.flagged").description("Members' flags on the bot's answers: wrong or helpful")
                .tag("platform", platform.wireName()).tag("kind", kind.wireName()).register(registry).increment();
    }

    @Override
    public void matched(Duration took, Match match) {
        matchLatency.record(took);
        if (match.decision() != io.qabot.knowledge.Decision.IGNORE) {
            confidence.record(match.confidence());
        }
    }

    @Override
    public void delivered(Platform platform) {
        delivery(platform, "sent");
    }

    @Override
    public void deliveryFailed(Platform platform, boolean retrying) {
        delivery(platform, retrying ? "retrying" : "gave_up");
    }

    @Override
    public void outboundDropped(Platform platform) {
        Counter.builder("qabot.outbound.dropped")
                .description("Posts to a platform dropped unsent because too many were already under way")
                .tag("platform", platform.wireName()).register(registry).increment();
    }

    /** A message or request refused because the bot's queue was full ({@link BotExecutor}). */
    void inboundDropped() {
        Counter.builder("qabot.inbound.dropped")
                .description("Messages and requests refused because the bot's work queue was full")
                .register(registry).increment();
    }

    private void delivery(Platform platform, String result) {
        Counter.builder("qabot.deliveries").description("Maintainers' answers sent to askers, and failed attempts")
                .tag("platform", platform.wireName()).tag("result", result).register(registry).increment();
    }

    /** A knowledge reload by {@code trigger} ({@code start}, {@code api}, {@code watch}, {@code git}). */
    void reloaded(String trigger, ReloadResult result) {
        knowledgeItems = result.items();
        reload(trigger, result.changes().any() ? "swapped" : "unchanged");
    }

    void reloadFailed(String trigger) {
        reload(trigger, "failed");
    }

    private void reload(String trigger, String result) {
        Counter.builder("qabot.knowledge.reloads").description("Knowledge reloads, by trigger and result")
                .tag("trigger", trigger.toLowerCase(Locale.ROOT)).tag("result", result).register(registry).increment();
    }

    /** The Prometheus text exposition; reads the queue from the store first, so call it off the I/O threads. */
    String scrape() {
        try {
            List<Escalation> waiting = openEscalations.get();
            Instant now = clock.instant();
            open = waiting.size();
            oldestOpenSeconds = waiting.stream().map(Escalation::created).min(Instant::compareTo)
                    .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0)).orElse(0.0);
        } catch (RuntimeException e) {
            // the rest of the metrics are still worth having while the store is down
            log.warn("metrics: could not read the escalation queue: {}", e.toString());
        }
        return registry.scrape();
    }

    /** Stops listening to the garbage collector and drops the meters. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
