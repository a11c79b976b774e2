package io.qabot.core.feedback;

import io.qabot.core.Escalation;
import io.qabot.core.EscalationQueue;
import io.qabot.core.FlaggedAnswer.Verdict;
import io.qabot.core.desk.DeskResult;
import io.qabot.core.desk.FeedbackWeek;
import java.util.List;
import java.util.Objects;

/**
 * What maintainers decide about the bot's answers, flagged or found with "Try it", in one place
 * for the admin API and the dashboard: the answer was right, wrong for this question, or the item
 * is retired (and un-retired). Each decision is stored and audited, and this instance's screen
 * reads it before the next match. Blocks on storage: call it from the bot's executor.
 */
public final class Verdicts {
    private final FeedbackStore store;
    private final EscalationQueue escalations;
    private final Screen screen;

    public Verdicts(FeedbackStore store, EscalationQueue escalations, Screen screen) {
        this.store = Objects.requireNonNull(store, "store");
        this.escalations = Objects.requireNonNull(escalations, "escalations");
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    /** The verdict on the answer flagged in escalation {@code id}; see {@link FeedbackStore#decide}. */
    public DeskResult<Escalation> decide(long id, Verdict verdict, String maintainer) {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.PENDING) {
            return DeskResult.conflict("a decision is right, wrong or retired");
        }
        return store.decide(id, verdict, maintainer).map(e -> {
            screen.changed();
            return DeskResult.done(e);
        }).orElseGet(() -> escalations.find(id).isPresent()
                ? DeskResult.conflict("escalation " + id + " carries no flagged answer")
                : DeskResult.notFound("no escalation " + id));
    }

    /** "Wrong for this question", found with Try it: {@code itemId} is not used for {@code question} and its paraphrases. */
    public DeskResult<Long> avoid(String itemId, String question, String maintainer) {
        if (blank(itemId) || blank(question)) {
            return DeskResult.conflict("item and question must not be blank");
        }
        long id = store.avoid(itemId.strip(), question.strip(), maintainer);
        screen.changed();
        return DeskResult.done(id);
    }

    public DeskResult<String> retire(String itemId, String maintainer, String reason) {
        if (blank(itemId)) {
            return DeskResult.conflict("item must not be blank");
        }
        if (!store.retire(itemId.strip(), maintainer, reason)) {
            return DeskResult.conflict("item " + itemId.strip() + " is retired already");
        }
        screen.changed();
        return DeskResult.done(itemId.strip());
    }

    public DeskResult<String> unretire(String itemId, String maintainer) {
        if (blank(itemId) || !store.unretire(itemId.strip(), maintainer)) {
            return DeskResult.notFound("item " + itemId + " is not retired");
        }
        screen.changed();
        return DeskResult.done(itemId.strip());
    }

    /** The retired items, most recently retired first: the dashboard's list and {@code qabot digest}. */
    public List<RetiredItem> retired() {
        return store.retired();
    }

    /**
     * For review: the items answered from most often whose post is dated before {@code postedBefore}
     * (the dashboard's "old answers" list; see {@link FeedbackStore#aged}).
     */
    public List<AgedItem> aged(java.time.LocalDate postedBefore, int limit) {
        return store.aged(postedBefore, limit);
    }

    /** Answers given, flagged and helpful per week since {@code since}: the Stats panel's feedback table. */
    public List<FeedbackWeek> weekly(java.time.Instant since) {
        return store.weekly(since);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
