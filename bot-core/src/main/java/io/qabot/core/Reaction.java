package io.qabot.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A member's reaction on a message in a chat (Slack's {@code reaction_added}, Discord's
 * {@code MESSAGE_REACTION_ADD}, …), already read as what it means: 👎 wrong, 👍 helpful.
 *
 * @param chat   the chat, or null where the platform's event does not say (Feishu's reactions)
 * @param postId the platform's id of the message reacted to
 * @param eventId the platform's id of the event, for logs
 */
public record Reaction(Platform platform, String chat, String postId, Sender member, FlagKind kind, String eventId,
                       Instant time) {
    public Reaction {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        eventId = eventId == null ? "" : eventId;
    }
}
