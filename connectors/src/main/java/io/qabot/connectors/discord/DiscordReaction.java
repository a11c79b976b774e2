package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.core.FlagKind;
import io.qabot.core.Platform;
import io.qabot.core.Reaction;
import io.qabot.core.Sender;
import java.time.Instant;

/**
 * A Gateway {@code MESSAGE_REACTION_ADD}: a member's 👎 or 👍 on a message, a flag when the
 * message is one of the bot's answers; or the reason it is left alone (another emoji, the bot's
 * own reaction, a reaction on a message Discord says someone else wrote, a field it cannot read).
 */
sealed interface DiscordReaction {

    record Reacted(Reaction reaction) implements DiscordReaction { }

    record Ignored(String reason) implements DiscordReaction { }

    /**
     * @param botUserId the bot's user id, or null before the Gateway's READY
     * @param now       when it arrived (the event carries no time)
     */
    static DiscordReaction read(JsonNode d, String botUserId, Instant now) {
        try {
            return reaction(d, botUserId, now);
        } catch (WrongField wrong) {
            return new Ignored(wrong.getMessage());
        }
    }

    private static DiscordReaction reaction(JsonNode d, String bot, Instant now) throws WrongField {
        String emoji = Fields.optionalText(d.path("emoji").get("name"), "emoji.name").orElse("");
        FlagKind kind = emoji.equals("👎") ? FlagKind.WRONG : emoji.equals("👍") ? FlagKind.HELPFUL : null;
        if (kind == null) {
            return new Ignored("a reaction other than 👎 or 👍");
        }
        String user = Fields.id(d.get("user_id"), "user_id");
        String author = Fields.optionalId(d.get("message_author_id"), "message_author_id").orElse(null);
        if (user.equals(bot) || d.path("member").path("user").path("bot").asBoolean(false)) {
            return new Ignored("a bot's reaction");
        }
        if (author != null && bot != null && !author.equals(bot)) {
            return new Ignored("a reaction on someone else's message");
        }
        String channel = Fields.id(d.get("channel_id"), "channel_id");
        String message = Fields.id(d.get("message_id"), "message_id");
        JsonNode member = d.path("member");
        String name = Fields.name(member.path("nick"), member.path("user").path("global_name"),
                member.path("user").path("username"));
        return new Reacted(new Reaction(Platform.DISCORD, channel, message, new Sender(user, name), kind, null, now));
    }
}
