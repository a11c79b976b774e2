package io.qabot.core.feedback;

import java.time.Instant;
import java.util.Objects;

/** A knowledge item a maintainer took out of use (an outdated digest answer), until un-retired. */
public record RetiredItem(String itemId, String maintainer, Instant retired, String reason) {
    public RetiredItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(maintainer, "maintainer");
        Objects.requireNonNull(retired, "retired");
        reason = reason == null ? "" : reason;
    }
}
