package io.qabot.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code metrics}: who may read {@code GET /metrics}, and where.
 *
 * @param token a bearer token {@code /metrics} then requires; absent, it is open (fine on
 *     127.0.0.1, worth setting once the server listens on a network)
 * @param port a port of its own for {@code /metrics} (on {@code http.host}), so a firewall can
 *     keep it to the scraper; the main port then answers 404 there. Absent: on the main port
 */
public record MetricsConfig(Optional<Secret> token, OptionalInt port) {
    public static final MetricsConfig OPEN = new MetricsConfig(Optional.empty(), OptionalInt.empty());

    public MetricsConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(port, "port");
    }
}
