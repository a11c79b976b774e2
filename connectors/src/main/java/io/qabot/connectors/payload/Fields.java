package io.qabot.connectors.payload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The ids and texts connectors take from a platform's payload, read strictly. Jackson's
 * {@code asText()} makes {@code ""} of an object or an array, {@code "null"} of null and
 * {@code "true"} of a boolean; a fuzzed {@code {"message_id":{…}}} once reached
 * {@code ChatMessage} as {@code ""} and failed there instead of being ignored. Here each such
 * field is a {@link WrongField} that names it.
 *
 * <p>{@code path} is the field's name as the reason shows it ({@code "message.chat.id"}); the
 * node may be null or missing (absent).
 */
public final class Fields {
    /**
     * Platforms' ids are short (a Discord snowflake has 19 digits, Feishu's and DingTalk's ids a few
     * dozen characters); the store keeps ids in 500-character columns, so a longer one would fail
     * there, far from its cause.
     */
    public static final int MAX_ID = 256;
    /** A display name longer than this is cut: it is shown, never looked up. */
    public static final int MAX_NAME = 128;

    private Fields() {
    }

    /** A required id: a non-blank string or an integer, at most {@link #MAX_ID} characters. */
    public static String id(JsonNode node, String path) throws WrongField {
        String id = optionalId(node, path).orElse(null);
        if (id == null) {
            throw new WrongField(path + (absent(node) ? " is missing" : " is blank"));
        }
        return id;
    }

    /**
     * An id that may be absent, null or blank (platforms write {@code ""} for "none", Feishu's
     * {@code parent_id} among them): then empty. Otherwise a string or an integer of at most
     * {@link #MAX_ID} characters.
     */
    public static Optional<String> optionalId(JsonNode node, String path) throws WrongField {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw new WrongField(path + " is " + kind(node) + ", not an id");
        }
        String id = node.asText();
        if (id.length() > MAX_ID) {
            throw new WrongField(path + " is longer than " + MAX_ID + " characters");
        }
        return id.isBlank() ? Optional.empty() : Optional.of(id);
    }

    /**
     * A required id from a payload that is text already (WeCom's and WeChat's XML, where an
     * absent element reads as ""): not blank, at most {@link #MAX_ID} characters.
     */
    public static String id(String value, String path) throws WrongField {
        if (value == null || value.isBlank()) {
            throw new WrongField(path + " is missing");
        }
        if (value.length() > MAX_ID) {
            throw new WrongField(path + " is longer than " + MAX_ID + " characters");
        }
        return value;
    }

    /** A required string (it may be blank). */
    public static String text(JsonNode node, String path) throws WrongField {
        return optionalText(node, path).orElseThrow(() -> new WrongField(path + " is missing"));
    }

    /** A string that may be absent or null; present, it must be a string. */
    public static Optional<String> optionalText(JsonNode node, String path) throws WrongField {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new WrongField(path + " is " + kind(node) + ", not a string");
        }
        return Optional.of(node.asText());
    }

    /**
     * The first candidate that is a non-blank string, stripped and cut to {@link #MAX_NAME}
     * characters, or null. Never refuses: a message is not worth dropping over its sender's name.
     */
    public static String name(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node != null && node.isTextual() && !node.asText().isBlank()) {
                String name = node.asText().strip();
                if (name.length() <= MAX_NAME) {
                    return name;
                }
                // not between the two halves of a surrogate pair
                int end = Character.isLowSurrogate(name.charAt(MAX_NAME)) ? MAX_NAME - 1 : MAX_NAME;
                return name.substring(0, end);
            }
        }
        return null;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static String kind(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a number that is not an integer";
        }
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
