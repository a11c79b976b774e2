package io.qabot.core;

import io.qabot.knowledge.Match;
import java.util.Optional;

/**
 * What the message path needs from feedback: a port, implemented in {@code io.qabot.core.feedback}
 * over the store. It screens the matcher's verdicts, remembers the replies the bot makes, and
 * turns a member's "wrong" or 👎 into a flag. Called on the bot's executor; may block on storage.
 */
public interface Feedback {
    /** No feedback: nothing is screened, remembered or flagged. */
    Feedback NONE = new Feedback() {
    };

    /**
     * {@code match} without the candidates the maintainers ruled out.
     *
     * @param platform null, like {@code chat}, for a question asked outside any chat
     */
    default Match screen(Match match, Platform platform, String chat) {
        return match;
    }

    /** Remembers a reply the bot is about to post, under its {@code reply_id}. */
    default void replied(Outcome.Replied replied) {
    }

    /** The reply {@code replyId} was posted as the platform's message {@code postId}. */
    default void posted(String replyId, String postId) {
    }

    /** The {@code reply_id} of the bot's answer that {@code message} says is wrong; empty when it says no such thing. */
    default Optional<String> wrongAbout(ChatMessage message) {
        return Optional.empty();
    }

    /**
     * The bot's reply posted as {@code postId} in {@code chat}; empty for anyone else's message.
     *
     * @param chat null where the platform's event does not name it (Feishu's reactions): the post id
     *             is then looked up across the platform, where such ids are unique
     */
    default Optional<PostedReply> postedReply(Platform platform, String chat, String postId) {
        return Optional.empty();
    }

    /** Records {@code flagger}'s flag on reply {@code replyId} (in their chat); see {@code FeedbackStore#flag}. */
    default FlagReceipt flag(String replyId, Platform platform, String chat, FlagKind kind, Asker flagger) {
        return FlagReceipt.notRecorded(replyId);
    }
}
