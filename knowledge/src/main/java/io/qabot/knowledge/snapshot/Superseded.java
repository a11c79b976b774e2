package io.qabot.knowledge.snapshot;

import java.util.Objects;

/** Item {@code id} answered a question that item {@code by} answered later, differently: {@code by} wins. */
public record Superseded(String id, String by) {
    public Superseded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(by, "by");
    }
}
