package io.qabot.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.qabot.config.Secret;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a request may use the admin routes: 503 when no token is configured (the
 * routes are off, not open), 401 for a missing or wrong bearer token (compared in constant
 * time), and 429 for an address that failed too often lately, before its token is even looked
 * at, so guessing the token is slow.
 *
 * <p>The address is the client's as {@link io.qabot.connectors.http.RouteRequest#remote()}
 * tells it: behind a reverse proxy listed in {@code http.trustedProxies}, the one the proxy
 * saw, so one guesser cannot lock every maintainer out. Each try is counted before its token
 * is compared, atomically, so parallel guesses get exactly {@link #MAX_FAILURES} between them;
 * a right token gives its try back. Every wrong guess is answered only after
 * {@link #GUESS_DELAY}, which slows guessing on any one connection without ever delaying or
 * refusing the right token from an address that is not locked out. The failures are kept in a
 * bounded cache that forgets an address {@link #WINDOW} after its first failure.
 */
final class AdminGuard {
    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration GUESS_DELAY = Duration.ofMillis(100);
    /** Addresses remembered at once; past it the least recently failing are forgotten first. */
    static final long MAX_ADDRESSES = 100_000;

    private final Optional<Secret> token;
    private final Clock clock;
    private final Cache<InetAddress, Failures> failures;

    AdminGuard(Optional<Secret> token, Clock clock) {
        this.token = token;
        this.clock = clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.failures = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterWrite(WINDOW).ticker(ticker).build();
    }

    /** Tries counted for one address since {@code since}, right ones given back. */
    private record Failures(Instant since, int count) {
    }

    /** The refusal for {@code request}, or null when it may proceed. */
    CompletableFuture<RouteResponse> refusal(RouteRequest request) {
        if (token.isEmpty()) {
            return done(RouteResponse.error(503, "the admin API is off: no admin token is configured (QABOT_ADMIN_TOKEN)"));
        }
        InetAddress address = request.remote() == null ? null : request.remote().getAddress();
        Instant now = clock.instant();
        if (address != null) {
            Failures[] seen = new Failures[1];
            boolean[] locked = new boolean[1];
            failures.asMap().compute(address, (a, known) -> {
                Failures current = known == null || !known.since().plus(WINDOW).isAfter(now) ? new Failures(now, 0) : known;
                locked[0] = current.count() >= MAX_FAILURES;
                seen[0] = current;
                return locked[0] ? current : new Failures(current.since(), current.count() + 1);
            });
            if (locked[0]) {
                return done(RouteResponse.error(429, "too many failed sign-ins from this address; try again later")
                        .withHeader("Retry-After",
                                Long.toString(Duration.between(now, seen[0].since().plus(WINDOW)).toSeconds() + 1)));
            }
        }
        String presented = request.bearerToken();
        if (token.get().matches(presented)) {
            if (address != null) {
                failures.asMap().computeIfPresent(address, (a, f) -> new Failures(f.since(), Math.max(0, f.count() - 1)));
            }
            return null;
        }
        RouteResponse refused = RouteResponse.error(401, presented == null ? "missing bearer token" : "wrong bearer token")
                .withHeader("WWW-Authenticate", "Bearer realm=\"qabot\"");
        return CompletableFuture.supplyAsync(() -> refused,
                CompletableFuture.delayedExecutor(GUESS_DELAY.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static CompletableFuture<RouteResponse> done(RouteResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
