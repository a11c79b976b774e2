package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");

    @Test
    void allowsABurstUpToItsSizeThenRefillsEvenly() {
        TokenBucket bucket = new TokenBucket(Rate.perMinute(20), clock);
        for (int i = 0; i < 20; i++) {
            assertTrue(bucket.tryAcquire(), "token " + i);
        }
        assertFalse(bucket.tryAcquire());

        clock.advance(Duration.ofMillis(2_999));
        assertFalse(bucket.tryAcquire(), "not yet a whole token");
        clock.advance(Duration.ofMillis(1));
        assertTrue(bucket.tryAcquire());
        assertFalse(bucket.tryAcquire());
    }

    @Test
    void neverHoldsMoreThanItsSizeAfterALongQuiet() {
        TokenBucket bucket = new TokenBucket(Rate.perSecond(2), clock);
        clock.advance(Duration.ofHours(1));

        assertTrue(bucket.tryAcquire());
        assertTrue(bucket.tryAcquire());
        assertFalse(bucket.tryAcquire());
    }

    @Test
    void aRefundedTokenCanBeTakenAgain() {
        TokenBucket bucket = new TokenBucket(Rate.perMinute(1), clock);
        assertTrue(bucket.tryAcquire());
        bucket.refund();

        assertTrue(bucket.tryAcquire());
    }
}
