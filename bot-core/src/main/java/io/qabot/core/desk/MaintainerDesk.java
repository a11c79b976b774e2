package io.qabot.core.desk;

import io.qabot.core.Escalation;
import io.qabot.core.MaintainerAnswer;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import io.qabot.knowledge.Match;

/**
 * Everything a maintainer can do, in one place, so the admin API, the chat commands and the
 * dashboard behave the same: look at the queue, claim, answer, dismiss, and edit or retract
 * what the bot learned. Blocks on storage: call it from the bot's executor, never an I/O thread.
 */
public final class MaintainerDesk {
    private static final int QUEUE_LIMIT = 500;
    /**
     * How many askers of each escalation the dashboard's lists carry (with the count of all of
     * them): enough to see where it was asked. The soak's queue of 500 escalations with every
     * asker was megabytes. The API lists every asker unless asked for fewer (the contract).
     */
    public static final int ASKERS_LISTED = 5;
    /** Every asker of each escalation listed: what the admin API's contract lists by default. */
    public static final int ALL_ASKERS = Integer.MAX_VALUE;
    private static final Set<Escalation.Status> OPEN = EnumSet.of(Escalation.Status.OPEN, Escalation.Status.CLAIMED);

    private final EscalationStore escalations;
    private final LearnedAnswers learned;
    private final LearnedKnowledge knowledge;
    private final Runnable outboxWake;
    private final UnaryOperator<Match> screen;

    /**
     * @param outboxWake asks the outbox worker to look for due deliveries now rather than at its
     *                   next tick, so an answer reaches the askers without waiting
     */
    public MaintainerDesk(EscalationStore escalations, LearnedAnswers learned, LearnedKnowledge knowledge,
                          Runnable outboxWake) {
        this(escalations, learned, knowledge, outboxWake, UnaryOperator.identity());
    }

    /** @param screen takes from a verdict what the maintainers ruled out, so "Try it" shows what the bot would say */
    public MaintainerDesk(EscalationStore escalations, LearnedAnswers learned, LearnedKnowledge knowledge,
                          Runnable outboxWake, UnaryOperator<Match> screen) {
        this.escalations = Objects.requireNonNull(escalations, "escalations");
        this.learned = Objects.requireNonNull(learned, "learned");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.outboxWake = Objects.requireNonNull(outboxWake, "outboxWake");
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    /**
     * Escalations with {@code status} (every status when empty), newest first, each with its asker
     * count and its first {@code askersEach} askers ({@link #ALL_ASKERS} for every one).
     */
    public List<ListedEscalation> queue(Optional<Escalation.Status> status, int askersEach) {
        return escalations.listed(status.map(EnumSet::of).orElseGet(() -> EnumSet.noneOf(Escalation.Status.class)),
                QUEUE_LIMIT, askersEach);
    }

    /** The open escalations (claimed ones included), newest first, listed as {@link #queue} lists them. */
    public List<ListedEscalation> openQueue(int askersEach) {
        return escalations.listed(OPEN, QUEUE_LIMIT, askersEach);
    }

    public Optional<Escalation> find(long id) {
        return escalations.find(id);
    }

    /** The escalation an announcement posted as chat message {@code postId} was about. */
    public Optional<Long> announcedBy(String postId) {
        return escalations.announcedBy(postId);
    }

    public List<Delivery> deliveries(long id) {
        return escalations.deliveries(id);
    }

    public DeskResult<Escalation> claim(long id, String maintainer) {
        return closedOr(id, escalations.claim(id, name(maintainer)));
    }

    /**
     * Answers an open escalation: the answer is stored with one delivery per asker and becomes a
     * learned answer; the index is rebuilt and the outbox woken before this returns.
     */
    public DeskResult<Escalation> answer(long id, MaintainerAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        DeskResult<Escalation> result = closedOr(id, escalations.answer(id, answer));
        if (result.done()) {
            outboxWake.run();
            knowledge.poll();
        }
        return result;
    }

    public DeskResult<Escalation> dismiss(long id, String maintainer) {
        return closedOr(id, escalations.dismiss(id, name(maintainer)));
    }

    public List<LearnedAnswer> learned(boolean withRetracted) {
        return learned.learned(withRetracted);
    }

    /** Replaces a learned answer's text and links (and its question, when given). */
    public DeskResult<LearnedAnswer> edit(long id, String question, MaintainerAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        if (question != null && question.isBlank()) {
            return DeskResult.conflict("question must not be blank");
        }
        return changed(id, learned.edit(id, question == null ? null : question.strip(), answer));
    }

    public DeskResult<LearnedAnswer> retract(long id, String maintainer) {
        return changed(id, learned.retract(id, name(maintainer)));
    }

    /** The open questions most people are waiting on: most askers first, then oldest. */
    public List<ListedEscalation> unansweredTopics(int limit) {
        return openQueue(ASKERS_LISTED).stream()
                .sorted(Comparator.comparingInt(ListedEscalation::askers).reversed()
                        .thenComparing(e -> e.escalation().created()))
                .limit(limit)
                .toList();
    }

    /** What the bot would answer to {@code question} right now, with its best and runner-up candidates. */
    public Explanation explain(String question) {
        io.qabot.knowledge.Explanation why = knowledge.index().explain(question);
        return Explanation.of(screen.apply(why.match()), why);
    }

    public List<AuditRecord> audit(int limit) {
        return learned.audit(limit);
    }

    private DeskResult<Escalation> closedOr(long id, Optional<Escalation> changed) {
        if (changed.isPresent()) {
            return DeskResult.done(changed.get());
        }
        return escalations.find(id)
                .<DeskResult<Escalation>>map(e -> DeskResult.conflict("escalation " + id + " is " + e.status().wireName()))
                .orElseGet(() -> DeskResult.notFound("no escalation " + id));
    }

    private DeskResult<LearnedAnswer> changed(long id, Optional<LearnedAnswer> changed) {
        if (changed.isEmpty()) {
            return learned.learned(true).stream().anyMatch(a -> a.id() == id)
                    ? DeskResult.conflict("learned answer " + id + " is retracted")
                    : DeskResult.notFound("no learned answer " + id);
        }
        knowledge.poll();
        return DeskResult.done(changed.get());
    }

    private static String name(String maintainer) {
        return maintainer == null ? "" : maintainer.strip();
    }
}
