package io.qabot.connectors.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A platform's timestamp as a request writes it: unix seconds ({@code "1355517523"}, or
 * Slack's {@code "1355517523.000005"}) or epoch milliseconds, as JSON text or a JSON integer.
 *
 * <p>Only plain, short decimals are read. A number is never handed to {@code BigDecimal},
 * {@code BigInteger} or {@code double} first: {@code new BigDecimal("1e1000000").longValue()}
 * expands ten to the millionth power (seconds of CPU for one signed request, found by fuzzing
 * Slack events), and a {@code double} silently turns {@code 1e300} into {@code Long.MAX_VALUE},
 * which {@link Instant} then refuses with an exception. Anything else (exponents, signs,
 * fractions where none belong, more digits than any date needs) is "no time given".
 */
public final class EpochTime {
    /** 15 digits of seconds reach the year 31 million: any real timestamp, far inside {@link Instant}'s range. */
    static final int MAX_SECOND_DIGITS = 15;
    private static final Pattern SECONDS = Pattern.compile("\\d{1," + MAX_SECOND_DIGITS + "}(?:\\.\\d{1,9})?");
    private static final Pattern MILLIS = Pattern.compile("\\d{1," + (MAX_SECOND_DIGITS + 3) + "}");
    /** Longer than any text either pattern accepts: the regex never walks a 10,000-digit number. */
    private static final int MAX_LENGTH = MAX_SECOND_DIGITS + 1 + 9;

    private EpochTime() {
    }

    /** Unix seconds, with up to nine decimals (Slack's {@code ts}), or empty when the text is not one. */
    public static Optional<Instant> seconds(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_LENGTH || !SECONDS.matcher(t).matches()) {
            return Optional.empty();
        }
        int dot = t.indexOf('.');
        if (dot < 0) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
        }
        String fraction = (t.substring(dot + 1) + "00000000").substring(0, 9);
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(t.substring(0, dot)), Long.parseLong(fraction)));
    }

    /** A wait in seconds with up to nine decimals (Discord's {@code X-RateLimit-Reset-After}), or empty. */
    public static Optional<Duration> duration(String seconds) {
        return seconds(seconds).map(at -> Duration.ofSeconds(at.getEpochSecond(), at.getNano()));
    }

    /** Epoch milliseconds, or empty when the text is not a plain count of them. */
    public static Optional<Instant> millis(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_LENGTH || !MILLIS.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(t)));
    }

    /** Unix seconds from a JSON integer or text (platforms write both), or empty. */
    public static Optional<Instant> seconds(JsonNode node) {
        return seconds(digits(node));
    }

    /** Epoch milliseconds from a JSON integer or text, or empty. */
    public static Optional<Instant> millis(JsonNode node) {
        return millis(digits(node));
    }

    /** The node's own digits: text as written, an integer exactly; a float (1e1000000 included) is none. */
    private static String digits(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        // a JSON integer of up to 1000 digits (Jackson's own limit) is already a BigInteger here: never expanded
        return node.isIntegralNumber() && node.canConvertToLong() ? Long.toString(node.longValue()) : null;
    }
}
