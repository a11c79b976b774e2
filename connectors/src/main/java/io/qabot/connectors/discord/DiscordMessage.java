package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
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
        JsonNode author = d.path("author");
        if (author.path("bot").asBoolean(false) || d.hasNonNull("webhook_id")) {
            return new Ignored("a bot's or webhook's message");
        }
        if (!d.hasNonNull("guild_id")) {
            return new Ignored("a direct message");
        }
        String content = d.path("content").asText("");
        String id = d.path("id").asText("");
        String channel = d.path("channel_id").asText("");
        String authorId = author.path("id").asText("");
        if (content.isBlank() || id.isEmpty() || channel.isEmpty() || authorId.isEmpty()) {
            return new Ignored("a message without content, id, channel or author");
        }
        boolean mentioned = false;
        for (JsonNode user : d.path("mentions")) {
            if (user.path("id").asText("").equals(botUserId)) {
                mentioned = true;
            }
        }
        String text = botUserId == null ? content
                : content.replace("<@" + botUserId + ">", " ").replace("<@!" + botUserId + ">", " ");
        String name = firstText(d.path("member").path("nick"), author.path("global_name"), author.path("username"));
        // a reply names the message it answers: "不对" in reply to the bot's answer is about that answer
        String replyTo = d.path("message_reference").path("message_id").asText(null);
        return new Message(new ChatMessage(Platform.DISCORD, channel, null, id, new Sender(authorId, name),
                text.strip().replaceAll("\\s{2,}", " "), mentioned, time(d.path("timestamp").asText("")), replyTo));
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return node.asText();
            }
        }
        return null;
    }

    private static Instant time(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
