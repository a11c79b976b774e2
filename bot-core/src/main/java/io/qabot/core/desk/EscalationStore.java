package io.qabot.core.desk;

import io.qabot.core.Escalation;
import io.qabot.core.EscalationQueue;
import io.qabot.core.MaintainerAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable escalation queue. Beyond {@link EscalationQueue} it keeps who claimed what, per-asker
 * delivery state and announcements, and makes one promise the loop depends on:
 * {@link #answer} records, in a single transaction, the closed escalation, a learned answer, an
 * outbox row for every asker and an audit record, so a crash leaves either all or none.
 */
public interface EscalationStore extends EscalationQueue {

    /** Escalations with {@code status} (all when empty), newest first, at most {@code limit}. */
    List<Escalation> list(Optional<Escalation.Status> status, int limit);

    /**
     * The open escalations (claimed ones included), newest first, at most {@code limit}: what the
     * maintainers' queue shows, asked of the database itself, so closed escalations (hundreds of
     * askers each after a busy day) are neither read nor able to push an older open one out.
     */
    List<Escalation> open(int limit);

    /**
     * Escalations with one of {@code statuses} (every status when empty), newest first, at most
     * {@code limit}, each with its asker count and its first {@code askersEach} askers: what a list
     * shows. The work is bounded by {@code limit} and {@code askersEach}, not by how many asked.
     */
    List<ListedEscalation> listed(Set<Escalation.Status> statuses, int limit, int askersEach);

    /** Marks an open escalation as claimed by {@code maintainer}; empty when it is not open. */
    Optional<Escalation> claim(long id, String maintainer);

    /** Closes an open escalation without an answer, recording who did it; empty when it is not open. */
    Optional<Escalation> dismiss(long id, String maintainer);

    @Override
    default Optional<Escalation> dismiss(long id) {
        return dismiss(id, "");
    }

    /** See the class comment: answer, learned answer, outbox rows and audit in one transaction. */
    @Override
    Optional<Escalation> answer(long id, MaintainerAnswer answer);

    /** The delivery state of every asker of escalation {@code id}. */
    List<Delivery> deliveries(long id);

    /**
     * Takes the open escalations to announce now: never announced, or last announced before
     * {@code staleBefore} (and created before it). Each is marked as announced at {@code now} as
     * it is taken, so of several instances only one announces it.
     */
    List<Announcement> takeAnnouncements(Instant now, Instant staleBefore, int max);

    /** Records that an announcement of escalation {@code id} was posted as the chat message {@code postId}. */
    void announcedAs(long id, String postId, Instant at);

    /** The escalation whose announcement was posted as the chat message {@code postId}, if any. */
    Optional<Long> announcedBy(String postId);

    /**
     * Claims a once-per-period job, such as the summary for one day: true for exactly one caller
     * per {@code job} and {@code period}, across instances.
     */
    boolean takeJob(String job, String period);

    /** Whether the storage answers; for {@code /readyz}. */
    boolean reachable();
}
