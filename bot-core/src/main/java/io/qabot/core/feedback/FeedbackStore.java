package io.qabot.core.feedback;

import io.qabot.core.Asker;
import io.qabot.core.FlagKind;
import io.qabot.core.FlagReceipt;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
import java.time.Instant;
import io.qabot.core.desk.FeedbackWeek;
import java.util.List;
import java.util.Optional;

/**
 * The stored side of feedback: the replies the bot posted, the flags on them, and the
 * maintainers' verdicts. Every change to what the matcher must avoid moves {@link #revision()},
 * so every instance sharing the store notices. Blocks on storage: call it from the bot's executor.
 */
public interface FeedbackStore {

    /** Remembers a reply the matcher made (a maintainer's delivered answer is remembered by {@code Outbox#sent}). */
    void remember(AnsweredReply reply);

    /** Remembers several replies at once, in order; a database writes them in one transaction. */
    default void rememberAll(List<AnsweredReply> replies) {
        replies.forEach(this::remember);
    }

    /** Records the id the platform gave the posted reply (Slack's {@code ts}, a Telegram message id). */
    void postedAs(String replyId, String postId);

    /**
     * Records several post ids at once ({@code postIds}: reply id to post id); a database writes
     * them in one transaction, so all or none.
     */
    default void postedAsAll(java.util.Map<String, String> postIds) {
        postIds.forEach(this::postedAs);
    }

    /**
     * The reply in {@code chat} whose {@code reply_id} or platform post id is {@code reference};
     * a reference from another chat finds nothing. A null {@code chat} finds the reply posted as
     * {@code reference} anywhere on the platform (for events that name no chat, where post ids are unique).
     */
    Optional<AnsweredReply> reply(Platform platform, String chat, String reference);

    /** The latest reply into {@code chat} (and {@code thread}, when not null) posted at or after {@code since}. */
    Optional<AnsweredReply> latest(Platform platform, String chat, String thread, Instant since);

    /**
     * Records that {@code flagger} said {@code reply} is wrong or helpful; once per member, answer
     * and kind. A wrong flag, in the same transaction, opens or joins an escalation of the original
     * question with the original asker and the flagger as askers, and, while the maintainers have
     * not decided, keeps the answer's item from that question in that chat.
     */
    FlagReceipt flag(AnsweredReply reply, FlagKind kind, Asker flagger);

    /** What the matcher must avoid now. */
    Corrections corrections();

    /** Moves whenever {@link #corrections()} would read something else, in any instance. */
    long revision();

    /**
     * The maintainers' verdict on the answer flagged in escalation {@code escalationId}:
     * {@code RIGHT} clears the flag and closes the escalation with nothing more for its askers;
     * {@code WRONG} records a negative pair (the item for that question); {@code RETIRED} retires
     * the item. Audited. Empty when the escalation carries no flagged answer.
     */
    Optional<Escalation> decide(long escalationId, FlaggedAnswer.Verdict verdict, String maintainer);

    /** Records a negative pair found with "Try it" rather than a flag; audited. Returns its id. */
    long avoid(String itemId, String question, String maintainer);

    /** Retires an item; false when it already was. Audited. */
    boolean retire(String itemId, String maintainer, String reason);

    /** Puts a retired item back into use; false when it was not retired. Audited. */
    boolean unretire(String itemId, String maintainer);

    /** The retired items, most recently retired first. */
    List<RetiredItem> retired();

    /**
     * The items the bot answered from whose post is dated before {@code postedBefore}, most
     * answered first, then the oldest post first; retired items, undated posts and maintainers' delivered answers left out.
     */
    List<AgedItem> aged(java.time.LocalDate postedBefore, int limit);

    /**
     * Per week ({@link FeedbackWeek#weekOf}), the matcher's answers given since {@code since} (maintainers'
     * answers delivered through the outbox left out: the flag rate estimates the matcher's precision), how many of
     * them were flagged as wrong and how many marked helpful; oldest week first, weeks without answers left out.
     */
    List<FeedbackWeek> weekly(Instant since);
}
