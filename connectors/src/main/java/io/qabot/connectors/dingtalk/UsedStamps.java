package io.qabot.connectors.dingtalk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The signed timestamps DingTalk callbacks have used, each with a digest of its body.
 *
 * <p>DingTalk's {@code sign} covers the timestamp only, not the body, so one observed
 * {@code (timestamp, sign)} pair would otherwise authenticate any body for the hour either
 * side of it. A pair is accepted again only with the very same body (a redelivery, which
 * the pipeline answers once by {@code msgId}); with another body it is a forgery.
 *
 * <p>Remembered for twice the window (a timestamp stays acceptable that long), at most
 * {@link #MAX_REMEMBERED} at a time: only DingTalk can mint new pairs, so the bound is
 * reached by real traffic alone, over 20 callbacks a second for two hours; past it the
 * oldest pairs are forgotten first.
 */
final class UsedStamps {
    static final long MAX_REMEMBERED = 200_000;

    private final Cache<String, byte[]> used;

    UsedStamps(Duration window, Clock clock) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.used = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(window.multipliedBy(2))
                .ticker(ticker)
                .build();
    }

    /** True the first time a timestamp is used, and again only with the same body; atomically. */
    boolean admit(String timestamp, byte[] body) {
        byte[] digest = sha256(body);
        byte[] first = used.asMap().putIfAbsent(timestamp.strip(), digest);
        return first == null || MessageDigest.isEqual(first, digest);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
