package io.qabot.connectors.outbound;

import io.qabot.core.Platform;
import io.qabot.core.Telemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client all connectors share. {@link #send} retries as {@link RetryPolicy} says,
 * waiting without holding a thread, and completes with the last response whatever its
 * status; it fails only when no response came at all.
 *
 * <p>Each connector posts through its own {@link #forPlatform} view: one connection pool and
 * retry policy for all, but a separate bound on the sends under way, so a platform that hangs
 * or refuses fills its own bound ({@link OutboundOptions#maxPending()}) and never the others'.
 * A send past the bound fails at once with a {@link RejectedExecutionException}; the drop is
 * logged (one WARN line per platform at most every ten seconds, with the count) and reported
 * to {@link Telemetry#outboundDropped}.
 */
public final class OutboundClient {
    private static final Logger log = LoggerFactory.getLogger(OutboundClient.class);
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);

    private final OutboundOptions options;
    private final Supplier<HttpClient> http;
    private final RetryPolicy retries;
    private final Delays delays;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Optional<Platform> platform;
    private final Semaphore pending;
    private final AtomicLong unreported = new AtomicLong();
    private Instant quietUntil = Instant.MIN; // guarded by this

    public OutboundClient(OutboundOptions options) {
        this(options, Telemetry.NONE);
    }

    /** @param telemetry told about each post dropped by a {@link #forPlatform} view */
    public OutboundClient(OutboundOptions options, Telemetry telemetry) {
        this(options, new AtFirstSend(() -> HttpClient.newBuilder()
                        .connectTimeout(options.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()),
                Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble(), Delays.REAL, telemetry);
    }

    OutboundClient(OutboundOptions options, HttpClient http, Clock clock, DoubleSupplier jitter, Delays delays) {
        this(options, http, clock, jitter, delays, Telemetry.NONE);
    }

    OutboundClient(OutboundOptions options, HttpClient http, Clock clock, DoubleSupplier jitter, Delays delays,
                   Telemetry telemetry) {
        this(options, given(Objects.requireNonNull(http, "http")), clock, jitter, delays, telemetry);
    }

    /** @param http gives the JDK client; asked at each send, so it can build one at the first */
    OutboundClient(OutboundOptions options, Supplier<HttpClient> http, Clock clock, DoubleSupplier jitter, Delays delays,
                   Telemetry telemetry) {
        this(Objects.requireNonNull(options, "options"), Objects.requireNonNull(http, "http"),
                new RetryPolicy(options, clock, jitter), Objects.requireNonNull(delays, "delays"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(telemetry, "telemetry"), Optional.empty());
    }

    private OutboundClient(OutboundOptions options, Supplier<HttpClient> http, RetryPolicy retries, Delays delays, Clock clock,
                           Telemetry telemetry, Optional<Platform> platform) {
        this.options = options;
        this.http = http;
        this.retries = retries;
        this.delays = delays;
        this.clock = clock;
        this.telemetry = telemetry;
        this.platform = platform;
        this.pending = new Semaphore(options.maxPending());
    }

    /**
     * A view for one platform's posts: the same connections, timeouts and retries, its own bound
     * on the sends under way, and drops reported under the platform's name.
     */
    public OutboundClient forPlatform(Platform platform) {
        return new OutboundClient(options, http, retries, delays, clock, telemetry,
                Optional.of(Objects.requireNonNull(platform, "platform")));
    }

    /**
     * A request builder for {@code uri} with this client's per-attempt timeout already set. Plain
     * {@code http://} goes as HTTP/1.1: Java's default there sends {@code Upgrade: h2c}, which
     * bridges and proxies that do not know it mishandle; over TLS, HTTP/2 is only ever agreed.
     */
    public HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(options.requestTimeout());
        return "http".equalsIgnoreCase(uri.getScheme()) ? builder.version(HttpClient.Version.HTTP_1_1) : builder;
    }

    /**
     * Sends with retries. Fails at once with a {@link RejectedExecutionException}, sending
     * nothing, when {@link OutboundOptions#maxPending()} sends of this client are under way.
     */
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        return send(request, Supplier::get);
    }

    /**
     * As {@link #send(HttpRequest)}, with the send started by {@code gate} when it lets it (a
     * channel pacer: {@code send -> pacer.submit(channel, send)}). The post counts against
     * {@link OutboundOptions#maxPending()} from now, its wait included, so a burst into one paced
     * channel is bounded like everything else instead of piling up waiting sends.
     */
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, Function<Supplier<CompletableFuture<
            HttpResponse<byte[]>>>, CompletableFuture<HttpResponse<byte[]>>> gate) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(gate, "gate");
        if (!pending.tryAcquire()) {
            return CompletableFuture.failedFuture(dropped(request));
        }
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = gate.apply(() -> attempt(request, 1));
        } catch (RuntimeException e) {
            pending.release();
            return CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((response, failure) -> pending.release());
    }

    /** Sends under way now: sent, waiting for a response, or waiting to be retried. */
    int pending() {
        return options.maxPending() - pending.availablePermits();
    }

    private RejectedExecutionException dropped(HttpRequest request) {
        String name = platform.map(Platform::wireName).orElse("outbound");
        platform.ifPresent(telemetry::outboundDropped);
        unreported.incrementAndGet();
        Instant now = clock.instant();
        boolean warn;
        synchronized (this) {
            warn = !now.isBefore(quietUntil);
            if (warn) {
                quietUntil = now.plus(WARN_EVERY);
            }
        }
        if (warn) {
            long dropped = unreported.getAndSet(0);
            log.warn("{}: dropped {} post{} to {}: {} already under way, the platform is slow or down",
                    name, dropped, dropped == 1 ? "" : "s", request.uri().getHost(), options.maxPending());
        }
        return new RejectedExecutionException(name + ": " + options.maxPending()
                + " posts already under way; dropped this one to " + request.uri().getHost());
    }

    private CompletableFuture<HttpResponse<byte[]>> attempt(HttpRequest request, int attempt) {
        return http.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    Optional<Duration> delay = response != null
                            ? retries.afterResponse(attempt, response.statusCode(), response.headers())
                            : retries.afterFailure(attempt, cause);
                    if (delay.isEmpty()) {
                        return response != null
                                ? CompletableFuture.completedFuture(response)
                                : CompletableFuture.<HttpResponse<byte[]>>failedFuture(cause);
                    }
                    log.debug("{} {} attempt {} got {}; retrying in {}", request.method(), request.uri().getHost(),
                            attempt, response != null ? response.statusCode() : cause.toString(), delay.get());
                    return delays.after(delay.get()).thenCompose(ignored -> attempt(request, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    private static Supplier<HttpClient> given(HttpClient http) {
        return () -> http;
    }

    /**
     * The JDK client, built at the first send and shared by every platform's view: building it
     * loads the JDK's trust store and TLS (about 0.25 s of CPU), which {@code serve} paid before it
     * was ready even when no connector ever posts.
     */
    static final class AtFirstSend implements Supplier<HttpClient> {
        private final Supplier<HttpClient> build;
        private volatile HttpClient client;

        AtFirstSend(Supplier<HttpClient> build) {
            this.build = build;
        }

        @Override
        public HttpClient get() {
            HttpClient built = client;
            if (built == null) {
                synchronized (this) {
                    built = client;
                    if (built == null) {
                        built = Objects.requireNonNull(build.get(), "http");
                        client = built;
                    }
                }
            }
            return built;
        }
    }

    /** Waits without a thread; tests replace it to record the delays instead of spending them. */
    @FunctionalInterface
    interface Delays {
        Delays REAL = delay -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));

        CompletableFuture<Void> after(Duration delay);
    }
}
