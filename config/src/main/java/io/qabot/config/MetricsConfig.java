package io.qabot.config;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code metrics}: who may read {@code GET /metrics}.
 *
 * @param token a bearer token {@code /metrics} then requires; absent, it is open (fine on
 *     127.0.0.1, worth setting once the server listens on a network)
 */
public record MetricsConfig(Optional<Secret> token) {
    public static final MetricsConfig OPEN = new MetricsConfig(Optional.empty());

    public MetricsConfig {
        Objects.requireNonNull(token, "token");
    }
}
