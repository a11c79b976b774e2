package io.qabot.config;

/**
 * The configuration cannot be used. The message is one line that names the setting (its YAML
 * path, or the file and line for malformed YAML) and what is wrong with it, for example
 * {@code http.port: "80a" is not a port number (1-65535)}; it never contains a secret's value.
 * The app prints it and exits with status 2.
 *
 * <p>Unchecked because it is only thrown by {@link ConfigLoader#load}, once, at start-up, and the
 * only sensible handler is the app's {@code main}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(oneLine(message));
    }

    public ConfigException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // The app prints the message as its single line on stderr; a stray newline from a parser
    // or a file name must not split it.
    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
