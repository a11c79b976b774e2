/**
 * The message pipeline: a platform-neutral {@link io.qabot.core.ChatMessage} goes in, an
 * {@link io.qabot.core.Outcome} comes out (a reply, an escalation, or silence with its reason).
 *
 * <p>{@link io.qabot.core.Pipeline} assembles the stages in one method, in the order a message
 * meets them: de-duplication, the chat's mode, matching, escalation, the asker's cooldown,
 * the outbound rate limits, and rendering. Each stage is a small package-private class that
 * either answers for the message or hands it on, like OkHttp's interceptors.
 *
 * <p>Nothing here knows Netty or any platform's wire format: connectors translate payloads
 * to and from these records. The ports the pipeline needs from the outside are
 * {@link io.qabot.core.QuestionMatcher}, {@link io.qabot.core.EscalationQueue} and
 * {@link io.qabot.core.ChatSender}; time comes from an injected {@link java.time.Clock}.
 */
package io.qabot.core;
