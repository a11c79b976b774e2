package io.qabot.store;

/** The database failed or could not be reached; the message names the statement's problem. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
