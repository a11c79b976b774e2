package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.core.ChatMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A Gateway {@code MESSAGE_CREATE} read into a chat message, or the reason it is left alone:
 * bots and webhooks (the bot's own replies among them), direct messages, empty content.
 * The chat mode decides the rest: in a {@code mention} channel only messages that mention
 * the bot are answered, in an {@code auto} channel any question.
 */
sealed interface DiscordMessage {

    record Message(ChatMessage message) implements DiscordMessage { }

    record Ignored(String reason) implements DiscordMessage { }

    static DiscordMessage read(JsonNode d, String botUserId) {
        try {
            return message(d, botUserId);
        } catch (WrongField wrong) {
            // a field of the wrong type, blank or too long
            return new Ignored(wrong.getMessage());
        }
    }

    private static DiscordMessage message(JsonNode d, String botUserId) throws WrongField {
        JsonNode author = d.path("author");
        if (author.path("bot").asBoolean(false) || d.hasNonNull("webhook_id")) {
            return new Ignored("a bot's or webhook's message");
        }
        if (!d.hasNonNull("guild_id")) {
            return new Ignored("a direct message");
        }
        String content = Fields.optionalText(d.get("content"), "content").orElse("");
        if (content.isBlank()) {
            return new Ignored("a message without content");
        }
        String id = Fields.id(d.get("id"), "id");
        String channel = Fields.id(d.get("channel_id"), "channel_id");
        String authorId = Fields.id(author.get("id"), "author.id");
        boolean mentioned = false;
        for (JsonNode user : d.path("mentions")) {
            if (user.path("id").asText("").equals(botUserId)) {
                mentioned = true;
            }
        }
        String text = botUserId == null ? content
                : content.replace("<@" + botUserId + ">", " ").replace("<@!" + botUserId + ">", " ");
        String name = Fields.name(d.path("member").path("nick"), author.path("global_name"), author.path("username"));
        // a reply names the message it answers: "不对" in reply to the bot's answer is about that answer
        String replyTo = Fields.optionalId(d.path("message_reference").get("message_id"), "message_reference.message_id")
                .orElse(null);
        return new Message(new ChatMessage(Platform.DISCORD, channel, null, id, new Sender(authorId, name),
                text.strip().replaceAll("\\s{2,}", " "), mentioned, time(d.path("timestamp").asText("")), replyTo));
    }

    private static Instant time(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
