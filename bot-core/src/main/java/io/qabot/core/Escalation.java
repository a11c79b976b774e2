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
 * @param id        stable for the escalation's life
 * @param answer    present once {@link Status#ANSWERED}
 * @param claimedBy the maintainer who said they are on it, if any
 * @param closed    when it was answered or dismissed
 * @param flagged   the bot's answer a member flagged as wrong, when the escalation came from a flag
 */
public record Escalation(long id, Status status, String question, List<Asker> askers, Instant created,
                         Optional<MaintainerAnswer> answer, Optional<String> claimedBy, Optional<Instant> closed,
                         Optional<FlaggedAnswer> flagged) {
    public Escalation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(claimedBy, "claimedBy");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(flagged, "flagged");
        askers = List.copyOf(askers);
    }

    /** An escalation of a question the bot did not answer (no flagged answer). */
    public Escalation(long id, Status status, String question, List<Asker> askers, Instant created,
                      Optional<MaintainerAnswer> answer, Optional<String> claimedBy, Optional<Instant> closed) {
        this(id, status, question, askers, created, answer, claimedBy, closed, Optional.empty());
    }

    /** An escalation nobody claimed and that is not closed yet (or whose close time is unknown). */
    public Escalation(long id, Status status, String question, List<Asker> askers, Instant created,
                      Optional<MaintainerAnswer> answer) {
        this(id, status, question, askers, created, answer, Optional.empty(), Optional.empty());
    }

    /** Whether a maintainer can still answer, claim or dismiss it. */
    public boolean isOpen() {
        return status == Status.OPEN || status == Status.CLAIMED;
    }

    /** {@code open → claimed → answered | dismissed}; an open one may also be answered or dismissed directly. */
    public enum Status {
        OPEN, CLAIMED, ANSWERED, DISMISSED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWireName(String name) {
            for (Status status : values()) {
                if (status.wireName().equals(name)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown escalation status: " + name);
        }
    }
}
