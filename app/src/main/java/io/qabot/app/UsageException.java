package io.qabot.app;

/** Bad usage or bad input: the command prints the message as one line and exits 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
