package io.qabot.connectors.time;

import java.util.List;

/**
 * Numbers a request may carry where a platform puts a timestamp: tiny to write, enormous to
 * expand (a {@code BigDecimal}'s {@code longValue()} of {@code 1e1000000} took over 5 s in the
 * Slack fuzz run), or past every range a {@code long} or {@link java.time.Instant} has.
 */
public final class HostileNumbers {
    /**
     * The limit on a test that hands them to a connector: it is there to catch a hang
     * ({@code 1E+999999999} expanded never finishes), not to time a request, which on a loaded
     * shared machine (builds at nice 19, load 20-30 on two cores) can take seconds.
     */
    public static final int HANG_SECONDS = 60;
    public static final List<String> TEXTS = List.of("1e1000000", "-1e1000000", "1E+999999999", "9".repeat(10_000));

    private HostileNumbers() {
    }

    /** For {@code @MethodSource}: each hostile number as text. */
    public static List<String> texts() {
        return TEXTS;
    }
}
