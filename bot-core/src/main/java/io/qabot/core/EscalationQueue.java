package io.qabot.core;

import java.util.List;
import java.util.Optional;

/**
 * The maintainers' queue of unanswered questions. A port: the store keeps it (H2 or
 * PostgreSQL); bot-core's test jar has one in memory for tests.
 * Called from the bot's executor, so implementations may block on storage.
 */
public interface EscalationQueue {

    /**
     * Records that {@code asker} asked {@code question}. While an escalation of the same
     * question is open the asker joins it (once, however often they repeat it) and its id is
     * returned; otherwise a new escalation is opened.
     */
    long enqueue(String question, Asker asker);

    /** The open escalations, newest first. */
    List<Escalation> open();

    Optional<Escalation> find(long id);

    /**
     * Closes an open escalation with a maintainer's answer and returns it, askers included, so
     * the caller can deliver the answer; empty when no open escalation has that id.
     */
    Optional<Escalation> answer(long id, MaintainerAnswer answer);

    /** Closes an open escalation without an answer; empty when no open escalation has that id. */
    Optional<Escalation> dismiss(long id);
}
