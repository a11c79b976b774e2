package io.qabot.connectors.admin;

import io.qabot.config.Secret;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a request may use the admin routes: 503 when no token is configured (the
 * routes are off, not open), 401 for a missing or wrong bearer token (compared in constant
 * time), and 429 for an address that failed too often lately, before its token is even looked
 * at, so guessing the token is slow.
 */
final class AdminGuard {
    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Optional<Secret> token;
    private final Clock clock;
    private final ConcurrentHashMap<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    AdminGuard(Optional<Secret> token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    private record Failures(Instant since, int count) {
    }

    /** The refusal for {@code request}, or null when it may proceed. */
    RouteResponse refusal(RouteRequest request) {
        if (token.isEmpty()) {
            return RouteResponse.error(503, "the admin API is off: no admin token is configured (QABOT_ADMIN_TOKEN)");
        }
        InetAddress address = request.remote() == null ? null : request.remote().getAddress();
        Instant now = clock.instant();
        if (address != null) {
            Failures seen = failures.get(address);
            if (seen != null && seen.since().plus(WINDOW).isAfter(now) && seen.count() >= MAX_FAILURES) {
                return RouteResponse.error(429, "too many failed sign-ins from this address; try again later")
                        .withHeader("Retry-After", Long.toString(Duration.between(now, seen.since().plus(WINDOW)).toSeconds() + 1));
            }
        }
        String header = request.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (token.get().matches(presented)) {
            return null;
        }
        if (address != null) {
            failures.compute(address, (a, seen) -> seen == null || !seen.since().plus(WINDOW).isAfter(now)
                    ? new Failures(now, 1) : new Failures(seen.since(), seen.count() + 1));
        }
        return RouteResponse.error(401, presented == null ? "missing bearer token" : "wrong bearer token")
                .withHeader("WWW-Authenticate", "Bearer realm=\"qabot\"");
    }
}
