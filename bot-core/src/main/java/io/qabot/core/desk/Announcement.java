package io.qabot.core.desk;

import io.qabot.core.Escalation;
import java.util.Objects;

/** An escalation to tell the maintainers about; {@code stale} when it was announced before and is still open. */
public record Announcement(Escalation escalation, boolean stale) {
    public Announcement {
        Objects.requireNonNull(escalation, "escalation");
    }
}
