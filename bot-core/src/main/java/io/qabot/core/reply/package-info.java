/**
 * Turns an answer from the knowledge into the text the bot posts: addressed to the asker,
 * followed by the GitHub links and the source post, in one platform's markup dialect, and
 * trimmed at a sentence boundary to the platform's length limit.
 *
 * <p>The answer's markdown is read once into a small block/inline model
 * ({@code MarkdownReader}); one {@code MarkupWriter} per {@link io.qabot.core.reply.Dialect}
 * writes that model, so each dialect's escaping lives in one class instead of string
 * patches in the pipeline. {@link io.qabot.core.reply.ReplyRenderer} is the public entry
 * point, used by the pipeline and by the command line's {@code ask --json}.
 *
 * <p>This package knows nothing of chats or platforms: a name to address is all it needs.
 */
package io.qabot.core.reply;
