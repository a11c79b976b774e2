/**
 * When the bot is wrong, the group can say so. A reply the bot posts is remembered
 * ({@link io.qabot.core.feedback.AnsweredReply}, by its {@code reply_id} and the id the platform
 * gave the post); a member's 👎 or "不对" on it becomes a flag ({@link io.qabot.core.feedback.Flags}),
 * which opens or joins an escalation carrying the flagged answer. The maintainers' verdicts (the
 * answer was right, wrong for this question, or the item is retired) are stored, and
 * {@link io.qabot.core.feedback.Screen} keeps the matcher from using what they ruled out: at once
 * in this instance, within a second in the others, and after a restart.
 *
 * <p>Storage is behind one port, {@link io.qabot.core.feedback.FeedbackStore}; the {@code store}
 * module implements it. The knowledge module's scoring is untouched: the screen only takes
 * candidates away from its verdict.
 */
package io.qabot.core.feedback;
