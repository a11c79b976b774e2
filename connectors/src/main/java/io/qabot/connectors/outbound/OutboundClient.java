package io.qabot.connectors.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client all connectors share. {@link #send} retries as {@link RetryPolicy} says,
 * waiting without holding a thread, and completes with the last response whatever its
 * status; it fails only when no response came at all.
 */
public final class OutboundClient {
    private static final Logger log = LoggerFactory.getLogger(OutboundClient.class);

    private final OutboundOptions options;
    private final HttpClient http;
    private final RetryPolicy retries;
    private final Delays delays;

    public OutboundClient(OutboundOptions options) {
        this(options, HttpClient.newBuilder()
                        .connectTimeout(options.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble(), Delays.REAL);
    }

    OutboundClient(OutboundOptions options, HttpClient http, Clock clock, java.util.function.DoubleSupplier jitter,
                   Delays delays) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = Objects.requireNonNull(http, "http");
        this.retries = new RetryPolicy(options, clock, jitter);
        this.delays = Objects.requireNonNull(delays, "delays");
    }

    /** A request builder for {@code uri} with this client's per-attempt timeout already set. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(options.requestTimeout());
    }

    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        return attempt(request, 1);
    }

    private CompletableFuture<HttpResponse<byte[]>> attempt(HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
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

    /** Waits without a thread; tests replace it to record the delays instead of spending them. */
    @FunctionalInterface
    interface Delays {
        Delays REAL = delay -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));

        CompletableFuture<Void> after(Duration delay);
    }
}
