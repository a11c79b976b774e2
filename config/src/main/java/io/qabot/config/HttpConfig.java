package io.qabot.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@code serve} listens.
 *
 * @param host the address to bind, {@code 127.0.0.1} by default so a fresh install is not
 *     reachable from the network until someone decides it should be
 * @param port the TCP port, 8080 by default
 * @param maxBodyBytes the largest request body accepted (1 MiB by default); platform events
 *     are a few KiB, so anything near the limit is a mistake or an attack
 * @param headerTimeout how long a client may take to send the request head (10 s)
 * @param idleTimeout how long a kept-alive connection may stay silent (60 s)
 * @param shutdownGrace how long in-flight requests may finish after a stop signal (10 s)
 * @param publicUrl the address the platforms reach this server at, if it differs from the
 *     bind address (behind a proxy); used where the bot registers its own webhook
 * @param requestTimeout how long one whole request, body included, may take to arrive after
 *     its first byte (30 s), so a body trickled a byte at a time cannot hold a connection
 * @param maxConnectionsPerAddress how many connections one client address may hold open at
 *     once (256); a trusted proxy's connections are not counted
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client
 *     (empty: the header is ignored and the connecting address is the client)
 * @param writeTimeout how long a response may wait for a client that does not take it (the
 *     connection stays unwritable) before the connection is closed (30 s)
 */
public record HttpConfig(
        String host,
        int port,
        int maxBodyBytes,
        Duration headerTimeout,
        Duration idleTimeout,
        Duration shutdownGrace,
        Optional<URI> publicUrl,
        Duration requestTimeout,
        int maxConnectionsPerAddress,
        List<AddressRange> trustedProxies,
        Duration writeTimeout) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;

    /** With the defaults for the request deadline, the write timeout, the connection limit and no trusted proxy. */
    public HttpConfig(String host, int port, int maxBodyBytes, Duration headerTimeout, Duration idleTimeout,
                      Duration shutdownGrace, Optional<URI> publicUrl) {
        this(host, port, maxBodyBytes, headerTimeout, idleTimeout, shutdownGrace, publicUrl,
                DEFAULT_REQUEST_TIMEOUT.compareTo(headerTimeout) >= 0 ? DEFAULT_REQUEST_TIMEOUT : headerTimeout,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, List.of(), DEFAULT_WRITE_TIMEOUT);
    }

    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        trustedProxies = List.copyOf(trustedProxies);
    }
}
