package io.qabot.connectors.time;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Signatures that do not cover the body, each remembered with a digest of the body it came
 * with: DingTalk's {@code sign} covers only the timestamp, the WeChat Official Account's
 * plain-mode {@code signature} only the timestamp and nonce. One observed signature would
 * otherwise authenticate any body for the whole replay window. A signature is accepted again
 * only with the very same body (a redelivery, which the pipeline answers once by message
 * id); with another body it is a forgery.
 *
 * <p>Remembered for twice the window (a timestamp stays acceptable that long), at most
 * {@link #MAX_REMEMBERED} at a time: only the platform can mint new signatures, so the bound
 * is reached by real traffic alone (over 20 callbacks a second for two hours with DingTalk's
 * hour-long window); past it the oldest are forgotten first.
 */
public final class UsedSignatures {
    static final long MAX_REMEMBERED = 200_000;

    private final Cache<String, byte[]> used;

    public UsedSignatures(Duration window, Clock clock) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.used = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(window.multipliedBy(2))
                .ticker(ticker)
                .build();
    }

    /** True the first time a signature is used, and again only with the same body; atomically. */
    public boolean admit(String signature, byte[] body) {
        byte[] digest = sha256(body);
        byte[] first = used.asMap().putIfAbsent(signature, digest);
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
