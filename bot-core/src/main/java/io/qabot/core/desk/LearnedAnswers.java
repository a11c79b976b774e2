package io.qabot.core.desk;

import io.qabot.core.MaintainerAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored learned answers and the audit trail of every change to them. */
public interface LearnedAnswers {

    /** Learned answers, oldest first; retracted ones only when asked for. */
    List<LearnedAnswer> learned(boolean withRetracted);

    /** Learned answers first given at or after {@code since}, not retracted, oldest first. */
    List<LearnedAnswer> answeredSince(Instant since);

    /** Replaces a learned answer's question (when not null) and answer; empty when there is no such live answer. */
    Optional<LearnedAnswer> edit(long id, String question, MaintainerAnswer answer);

    /** Takes a learned answer out of the knowledge; empty when there is no such live answer. */
    Optional<LearnedAnswer> retract(long id, String maintainer);

    /**
     * A number that changes whenever the set of live learned answers does, in any instance:
     * polling it tells when to re-index.
     */
    long revision();

    /** The latest audit records, newest first. */
    List<AuditRecord> audit(int limit);
}
