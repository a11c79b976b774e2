package io.qabot.connectors.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides whether an attempt is tried again and after how long. Retried: 429, 502, 503 and
 * 504; a 500 only when it carries {@code Retry-After} (a platform that says when to try again
 * is asking for a retry); and failures where the request cannot have been processed (refused
 * or timed-out connections, resets, a connection closed before any response). Not retried: a
 * request that timed out waiting for its response, nor a bare 500, because the platform may have
 * posted the message already and a retry would post it twice.
 */
final class RetryPolicy {
    private final OutboundOptions options;
    private final Clock clock;
    private final DoubleSupplier jitter;

    /** @param jitter a random number in [0, 1), spreading retries of many clients apart */
    RetryPolicy(OutboundOptions options, Clock clock, DoubleSupplier jitter) {
        this.options = options;
        this.clock = clock;
        this.jitter = jitter;
    }

    /** The delay before attempt {@code attempt + 1} after a response, or empty to stop. */
    Optional<Duration> afterResponse(int attempt, int status, HttpHeaders headers) {
        Optional<Duration> asked = retryAfter(headers.firstValue("Retry-After").orElse(null));
        boolean retriable = status == 429 || status == 502 || status == 503 || status == 504
                || (status == 500 && asked.isPresent());
        if (attempt >= options.maxAttempts() || !retriable) {
            return Optional.empty();
        }
        if (asked.isPresent()) {
            return asked.get().compareTo(options.maxRetryAfter()) > 0 ? Optional.empty() : asked;
        }
        return Optional.of(backoff(attempt));
    }

    /** The delay before attempt {@code attempt + 1} after a failure, or empty to stop. */
    Optional<Duration> afterFailure(int attempt, Throwable failure) {
        if (attempt >= options.maxAttempts() || !(failure instanceof IOException)) {
            return Optional.empty();
        }
        boolean mayHaveBeenProcessed = failure instanceof HttpTimeoutException
                && !(failure instanceof HttpConnectTimeoutException);
        if (mayHaveBeenProcessed && !(failure.getCause() instanceof ConnectException)) {
            return Optional.empty();
        }
        return Optional.of(backoff(attempt));
    }

    /** Exponential, capped, then "equal jitter": between half and all of it. */
    Duration backoff(int attempt) {
        long base = options.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, options.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * jitter.getAsDouble()));
    }

    /** {@code Retry-After} is either seconds or an HTTP date. */
    Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
