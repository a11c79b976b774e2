package io.qabot.connectors.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one timestamp window every verifier asks, at its edges, on a stopped clock. */
class ReplayWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long S = NOW.getEpochSecond();
    private static final long MS = NOW.toEpochMilli();

    private final ReplayWindow seconds = ReplayWindow.seconds(Duration.ofMinutes(5), CLOCK);
    private final ReplayWindow millis = ReplayWindow.millis(Duration.ofHours(1), CLOCK);

    @Test
    void admitsExactlyTheWindowEitherWay() {
        assertTrue(seconds.admits(S));
        assertTrue(seconds.admits(S - 300));
        assertTrue(seconds.admits(S + 300));
        assertFalse(seconds.admits(S - 301));
        assertFalse(seconds.admits(S + 301));

        assertTrue(millis.admits(MS - 3_600_000));
        assertTrue(millis.admits(MS + 3_600_000));
        assertFalse(millis.admits(MS - 3_600_001));
        assertFalse(millis.admits(MS + 3_600_001));
    }

    @Test
    void refusesTheFarPastAndTheFarFuture() {
        assertFalse(seconds.admits(0));
        assertFalse(seconds.admits(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()));
        assertFalse(millis.admits(0));
        assertFalse(millis.admits(Instant.parse("9999-12-31T23:59:59Z").toEpochMilli()));
    }

    @Test
    void refusesTimestamps2To63AwayWhereTheDifferenceOverflows() {
        // now - stamp wraps to Long.MIN_VALUE, whose absolute value is negative: |d| <= w once said yes
        for (ReplayWindow window : new ReplayWindow[] {seconds, millis}) {
            long now = window == seconds ? S : MS;
            assertFalse(window.admits(now + Long.MIN_VALUE));
            assertFalse(window.admits(Long.MIN_VALUE));
            assertFalse(window.admits(Long.MIN_VALUE + 1));
            assertFalse(window.admits(Long.MAX_VALUE));
            assertFalse(window.admits(now - Long.MAX_VALUE));
        }
    }

    @Test
    void aWindowAsWideAsTimeItselfStillNeverOverflows() {
        ReplayWindow endless = ReplayWindow.millis(Duration.ofSeconds(Long.MAX_VALUE), CLOCK);

        assertTrue(endless.admits(MS - Long.MAX_VALUE));
        assertTrue(endless.admits(Long.MAX_VALUE));
        assertFalse(endless.admits(Long.MIN_VALUE));
    }

    @Test
    void namesTheHeaderAndTheWindowWithoutEchoingTheValue() {
        assertNull(seconds.refusal(" " + S + " ", "X-Slack-Request-Timestamp"));
        assertEquals("X-Slack-Request-Timestamp is outside the allowed window of 300 s",
                seconds.refusal(Long.toString(S + Long.MIN_VALUE), "X-Slack-Request-Timestamp"));
        assertEquals("timestamp must be epoch milliseconds", millis.refusal("1e1000000", "timestamp"));
        for (String malformed : new String[] {null, "", "1.5", "0x10", "9223372036854775808", "-9223372036854775809",
                "9".repeat(10_000), "1E+999999999"}) {
            assertEquals("X-Qabot-Timestamp must be unix seconds", seconds.refusal(malformed, "X-Qabot-Timestamp"),
                    String.valueOf(malformed).length() > 30 ? "a long one" : malformed);
        }
    }
}
