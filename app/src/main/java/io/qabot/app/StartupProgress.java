package io.qabot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code serve} is doing while it loads, for {@code /readyz}'s 503 body: the stage
 * ({@code store}, {@code knowledge}, {@code index}, {@code connectors}), how long it has been
 * loading, and what the stage knows so far (how many items it is indexing).
 */
final class StartupProgress {
    private final Clock clock;
    private final Instant started;
    private volatile Stage stage = new Stage("starting", Map.of());

    StartupProgress(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    void stage(String name) {
        stage(name, Map.of());
    }

    void stage(String name, Map<String, Object> detail) {
        stage = new Stage(name, Map.copyOf(detail));
    }

    /** {@code {"stage": …, "loading_ms": …, …detail}} */
    Map<String, Object> snapshot() {
        Stage now = stage;
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("stage", now.name());
        progress.put("loading_ms", Duration.between(started, clock.instant()).toMillis());
        progress.putAll(now.detail());
        return progress;
    }

    private record Stage(String name, Map<String, Object> detail) {
    }
}
