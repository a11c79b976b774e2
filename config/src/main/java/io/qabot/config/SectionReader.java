package io.qabot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validating reads from one section of the merged tree. Every value goes through here,
 * so every message has the same shape: the setting's full path, a colon, then what is wrong,
 * quoting the bad value unless it is a secret.
 *
 * <p>The tree has already passed {@link SettingSchema#checkFile}, so sections are mappings and
 * values are scalars; a YAML {@code null} counts as absent.
 */
final class SectionReader {

    private static final Set<String> HTTP = Set.of("http", "https");
    private static final int MAX_QUOTED = 80;

    private final String path;
    private final ObjectNode node;

    SectionReader(String path, ObjectNode node) {
        this.path = path;
        this.node = node;
    }

    static SectionReader root(ObjectNode tree) {
        return new SectionReader("", tree);
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigException problem(String key, String what) {
        return new ConfigException(pathOf(key) + ": " + what);
    }

    // --- structure

    Optional<SectionReader> section(String key) {
        JsonNode child = node.get(key);
        return child instanceof ObjectNode object
                ? Optional.of(new SectionReader(pathOf(key), object))
                : Optional.empty();
    }

    /** The section, or an empty one when absent so that every setting in it takes its default. */
    SectionReader sectionOrEmpty(String key) {
        return section(key).orElseGet(() -> new SectionReader(pathOf(key), JsonNodeFactory.instance.objectNode()));
    }

    /** The entries of a list setting; a single value counts as a list of one. */
    List<JsonNode> items(String key) {
        JsonNode child = node.get(key);
        List<JsonNode> items = new ArrayList<>();
        if (child == null || child.isNull()) {
            return items;
        }
        if (child.isArray()) {
            child.forEach(items::add);
        } else {
            items.add(child);
        }
        return items;
    }

    /** The entries of a list of values, as text. */
    List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        List<JsonNode> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isNull()) {
                throw new ConfigException(pathOf(key) + "[" + i + "]: is empty");
            }
            texts.add(items.get(i).asText());
        }
        return texts;
    }

    // --- scalars

    Optional<String> text(String key) {
        JsonNode child = node.get(key);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(child.asText());
    }

    String text(String key, String defaultValue) {
        String value = text(key).orElse(defaultValue);
        if (value.isBlank()) {
            throw problem(key, "is empty");
        }
        return value;
    }

    String requiredText(String key) {
        return text(key).map(value -> {
            if (value.isBlank()) {
                throw problem(key, "is empty");
            }
            return value;
        }).orElseThrow(() -> problem(key, "missing"));
    }

    /** An optional secret; present but empty is an error, since that is never what was meant. */
    Optional<Secret> secret(String key) {
        return text(key).map(value -> {
            if (value.isEmpty()) {
                throw problem(key, "is empty");
            }
            return Secret.of(value);
        });
    }

    /** A required secret; missing names where it can come from, since secrets belong in the environment. */
    Secret requiredSecret(String key) {
        String variable = SettingSchema.envName(pathOf(key));
        return secret(key).orElseThrow(() -> problem(key, "missing (set " + variable + " or " + variable + "_FILE)"));
    }

    int port(String key, int defaultValue) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Integer port = parseInt(text.get());
        if (port == null || port < 1 || port > 65535) {
            throw problem(key, quote(text.get()) + " is not a port number (1-65535)");
        }
        return port;
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Integer value = parseInt(text.get());
        if (value == null || value < min || value > max) {
            throw problem(key, quote(text.get()) + " is not a whole number from " + min + " to " + max);
        }
        return value;
    }

    /** A number from 0 to 1, such as a confidence threshold. */
    OptionalDouble fraction(String key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.get().strip());
            if (value >= 0 && value <= 1) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw problem(key, quote(text.get()) + " is not a number from 0 to 1");
    }

    boolean flag(String key, boolean defaultValue) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get().strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(key, quote(text.get()) + " is not true or false");
        };
    }

    /** A duration; {@code mayBeZero} is false for timeouts, where zero would mean "fail at once". */
    Duration duration(String key, Duration defaultValue, boolean mayBeZero) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Duration value = DurationFormat.parse(text.get()).orElseThrow(() -> problem(key,
                quote(text.get()) + " is not a duration (like 250ms, 30s, 5m, 1h or PT30S)"));
        if (value.isNegative() || !mayBeZero && value.isZero()) {
            throw problem(key, quote(text.get()) + " must be longer than zero");
        }
        return value;
    }

    /** A size in bytes: a number, or one with a unit as in {@code 512KiB} or {@code 1MiB}. */
    int byteSize(String key, int defaultValue, int max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        String value = text.get().strip();
        long factor = 1;
        for (String[] unit : new String[][] {{"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"}, {"B", "1"}}) {
            if (value.endsWith(unit[0])) {
                factor = Long.parseLong(unit[1]);
                value = value.substring(0, value.length() - unit[0].length()).strip();
                break;
            }
        }
        Integer number = parseInt(value);
        if (number == null || number < 1) {
            throw problem(key, quote(text.get()) + " is not a size in bytes (like 1048576, 512KiB or 1MiB)");
        }
        if (number * factor > max) {
            throw problem(key, quote(text.get()) + " is too large (at most " + max + " bytes)");
        }
        return (int) (number * factor);
    }

    /** An http(s) URL; a trailing slash is dropped because callers append {@code /path}. */
    URI httpUrl(String key, String defaultValue) {
        return url(key, HTTP).orElseGet(() -> URI.create(defaultValue));
    }

    Optional<URI> httpUrl(String key) {
        return url(key, HTTP);
    }

    Optional<URI> url(String key, Set<String> schemes) {
        return text(key).map(text -> parseUrl(text, schemes)
                .orElseThrow(() -> problem(key, quote(text) + " is not " + article(schemes) + " URL")));
    }

    /** A secret that must be an http(s) URL (it carries an access key); the message does not quote it. */
    Optional<Secret> secretHttpUrl(String key) {
        Optional<Secret> secret = secret(key);
        if (secret.isPresent() && parseUrl(secret.get().value(), HTTP).isEmpty()) {
            throw problem(key, "is not an http(s) URL");
        }
        return secret;
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        return choice(key, type).orElse(defaultValue);
    }

    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        // YAML 1.1 reads an unquoted `off` as the boolean false; `mode: off` means the word.
        String text = child.isBoolean() && !child.booleanValue() ? "off" : child.asText();
        return Optional.of(parseChoice(text, type).orElseThrow(() -> problem(key, notOneOf(text, type))));
    }

    // --- parsing shared with list entries

    static <E extends Enum<E>> Optional<E> parseChoice(String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E>> String notOneOf(String text, Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return quote(text) + " is not one of " + names;
    }

    static Optional<URI> parseUrl(String text, Set<String> schemes) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            String s = uri.toString();
            return Optional.of(s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The value as it appears in messages: in double quotes, escaped, and cut if very long. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) : value;
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append(value.length() > MAX_QUOTED ? "…\"" : "\"").toString();
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String article(Set<String> schemes) {
        return schemes.equals(HTTP) ? "an http(s)" : "a " + String.join("/", new TreeSet<>(schemes));
    }
}
