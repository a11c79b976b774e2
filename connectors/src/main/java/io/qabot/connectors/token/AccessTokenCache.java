package io.qabot.connectors.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One platform token: fetched on first use, reused until {@link #REFRESH_AHEAD} before it
 * expires, fetched once however many senders ask at the same moment, and dropped when the
 * platform says it is no longer valid. Thread-safe.
 */
public final class AccessTokenCache {
    /** Refresh this long before the platform's expiry, so a token never dies in flight. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    /** A token and the instant the platform says it stops working. */
    public record Token(String value, Instant expires) {
        public Token {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expires, "expires");
        }
    }

    private final Clock clock;
    private final Supplier<CompletableFuture<Token>> fetch;
    private Token current;
    private CompletableFuture<Token> inFlight;

    /** @param fetch asks the platform for a new token; its future fails when the platform refuses */
    public AccessTokenCache(Clock clock, Supplier<CompletableFuture<Token>> fetch) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    public synchronized CompletableFuture<String> get() {
        if (current != null && clock.instant().isBefore(current.expires().minus(REFRESH_AHEAD))) {
            return CompletableFuture.completedFuture(current.value());
        }
        CompletableFuture<Token> pending = inFlight;
        if (pending == null) {
            CompletableFuture<Token> started = fetchSafely();
            inFlight = started;
            pending = started;
            // may run at once (and reentrantly) when the fetch is already done
            started.whenComplete((token, failure) -> settle(started, token));
        }
        return pending.thenApply(Token::value);
    }

    private CompletableFuture<Token> fetchSafely() {
        try {
            return Objects.requireNonNull(fetch.get(), "token fetch returned null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Forgets {@code value} after the platform rejected it, so the next {@link #get()} fetches anew. */
    public synchronized void invalidate(String value) {
        if (current != null && current.value().equals(value)) {
            current = null;
        }
    }

    private synchronized void settle(CompletableFuture<Token> finished, Token token) {
        if (inFlight == finished) {
            inFlight = null;
        }
        if (token != null) {
            current = token;
        }
    }
}
