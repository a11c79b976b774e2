package io.qabot.connectors.json;

/** A body that is not a UTF-8 JSON object; the message says why, for a 400 response. */
public final class MalformedJsonException extends Exception {
    MalformedJsonException(String message) {
        super(message, null, false, false);
    }
}
