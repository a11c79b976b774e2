package io.qabot.connectors.http;

import io.qabot.config.AddressRange;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server listens and protects itself.
 *
 * @param host           the address to bind ({@code 127.0.0.1} by default)
 * @param port           0 picks a free port; {@link QabotServer#start()} returns the one bound
 * @param maxBodyBytes   larger request bodies get 413
 * @param headerTimeout  a request's headers must arrive within this after its first byte,
 *                       so a client trickling headers cannot hold a connection forever
 * @param idleTimeout    a connection with no traffic and no request in progress is closed
 * @param shutdownGrace  how long {@link QabotServer#close()} waits for requests in progress
 * @param requestTimeout a whole request, body included, must arrive within this after its
 *                       first byte: the same for a body trickled a byte at a time
 * @param maxConnectionsPerAddress connections one client address may hold open at once;
 *                       connections from a trusted proxy are not counted
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client
 * @param writeTimeout   a response the client does not take for this long (the connection stays
 *                       unwritable) closes the connection, so a client that never reads cannot
 *                       hold the response's memory and the connection
 */
public record HttpServerOptions(String host, int port, int maxBodyBytes, Duration headerTimeout,
                                Duration idleTimeout, Duration shutdownGrace, Duration requestTimeout,
                                int maxConnectionsPerAddress, List<AddressRange> trustedProxies,
                                Duration writeTimeout) {
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

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
        positive(requestTimeout, "requestTimeout");
        positive(writeTimeout, "writeTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be positive: " + maxConnectionsPerAddress);
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** With the default request deadline and connection limit, and no trusted proxy. */
    public HttpServerOptions(String host, int port, int maxBodyBytes, Duration headerTimeout, Duration idleTimeout,
                             Duration shutdownGrace) {
        this(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace,
                DEFAULT_REQUEST_TIMEOUT.compareTo(headerTimeout) >= 0 ? DEFAULT_REQUEST_TIMEOUT : headerTimeout,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, List.of(), DEFAULT_WRITE_TIMEOUT);
    }

    /** 127.0.0.1:8080, 1 MiB bodies, 10 s for headers, 30 s for a whole request, 30 s to take a response, 60 s idle, 10 s to drain, 256 connections an address. */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions("127.0.0.1", 8080, DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public HttpServerOptions withPort(int port) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    public HttpServerOptions withHost(String host) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    public HttpServerOptions withMaxBodyBytes(int maxBodyBytes) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    /** Header and idle timeouts; the whole-request deadline stays, but never below the header one. */
    public HttpServerOptions withTimeouts(Duration headerTimeout, Duration idleTimeout) {
        Duration request = requestTimeout.compareTo(headerTimeout) >= 0 ? requestTimeout : headerTimeout;
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, request,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    public HttpServerOptions withRequestTimeout(Duration requestTimeout) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    public HttpServerOptions withShutdownGrace(Duration shutdownGrace) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    public HttpServerOptions withConnectionLimit(int maxConnectionsPerAddress, List<AddressRange> trustedProxies) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    public HttpServerOptions withWriteTimeout(Duration writeTimeout) {
        return new HttpServerOptions(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, requestTimeout,
                maxConnectionsPerAddress, trustedProxies, writeTimeout);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
