package io.qabot.core.desk;

import java.util.Objects;

/**
 * What a maintainer's action came to: done (with the changed thing), or refused because
 * nothing has that id, or because its state does not allow it (answering a dismissed
 * escalation). The admin API maps these to 200, 404 and 409.
 */
public record DeskResult<T>(Kind kind, T value, String reason) {
    public DeskResult {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DONE) != (value != null)) {
            throw new IllegalArgumentException("a done result carries its value, a refusal none: " + kind);
        }
    }

    public enum Kind { DONE, NOT_FOUND, CONFLICT }

    public static <T> DeskResult<T> done(T value) {
        return new DeskResult<>(Kind.DONE, value, "");
    }

    public static <T> DeskResult<T> notFound(String reason) {
        return new DeskResult<>(Kind.NOT_FOUND, null, reason);
    }

    public static <T> DeskResult<T> conflict(String reason) {
        return new DeskResult<>(Kind.CONFLICT, null, reason);
    }

    public boolean done() {
        return kind == Kind.DONE;
    }
}
