package io.qabot.core;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A question the knowledge could not answer, waiting for (or closed by) a maintainer. The
 * same question asked again while it is open adds an asker instead of a new escalation,
 * so one maintainer answer reaches everyone who asked.
 *
 * @param id     stable for the escalation's life
 * @param answer present once {@link Status#ANSWERED}
 */
public record Escalation(long id, Status status, String question, List<Asker> askers, Instant created,
                         Optional<MaintainerAnswer> answer) {
    public Escalation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(answer, "answer");
        askers = List.copyOf(askers);
    }

    public enum Status {
        OPEN, ANSWERED, DISMISSED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
