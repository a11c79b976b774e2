package io.qabot.connectors.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens and protects itself.
 *
 * @param host          the address to bind ({@code 127.0.0.1} by default)
 * @param port          0 picks a free port; {@link QabotServer#start()} returns the one bound
 * @param maxBodyBytes  larger request bodies get 413
 * @param headerTimeout a request's headers must arrive within this after its first byte,
 *                      so a client trickling headers cannot hold a connection forever
 * @param idleTimeout   a connection with no traffic and no request in progress is closed
 * @param shutdownGrace how long {@link QabotServer#close()} waits for requests in progress
 */
public record HttpServerOptions(String host, int port, int maxBodyBytes, Duration headerTimeout,
                                Duration idleTimeout, Duration shutdownGrace) {
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    public HttpServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        positive(headerTimeout, "headerTimeout");
        positive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
    }

    /** 127.0.0.1:8080, 1 MiB bodies, 10 s for headers, 60 s idle, 10 s to drain. */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions("127.0.0.1", 8080, DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public HttpServerOptions withPort(int port) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace);
    }

    public HttpServerOptions withHost(String host) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace);
    }

    public HttpServerOptions withMaxBodyBytes(int maxBodyBytes) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace);
    }

    public HttpServerOptions withTimeouts(Duration headerTimeout, Duration idleTimeout) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace);
    }

    public HttpServerOptions withShutdownGrace(Duration shutdownGrace) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
