package io.qabot.core.reply;

import java.util.Objects;

/**
 * The person a reply addresses: always the current asker, never a name from the knowledge.
 * {@code id} is what the platform's mention syntax needs; {@code name} is shown where the
 * dialect mentions by name.
 */
public record Addressee(String id, String name) {
    public Addressee {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
