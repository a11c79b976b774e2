package io.qabot.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations people write in config files: {@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 2d}, combinations such as {@code 1h30m}, and ISO-8601 ({@code PT30S}).
 * A bare number is rejected: whether {@code 30} means seconds or milliseconds is exactly the
 * ambiguity typed durations exist to remove.
 */
final class DurationFormat {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private DurationFormat() {}

    static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        char first = trimmed.charAt(0);
        if (first == 'P' || first == 'p' || first == '-' && trimmed.length() > 1
                && (trimmed.charAt(1) == 'P' || trimmed.charAt(1) == 'p')) {
            try {
                return Optional.of(Duration.parse(trimmed));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher part = PART.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = part.end();
        }
        return end == trimmed.length() ? Optional.of(total) : Optional.empty();
    }
}
