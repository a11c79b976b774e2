package io.qabot.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.EpochTime;
import io.qabot.core.ChatMessage;
import io.qabot.core.FlagKind;
import io.qabot.core.Platform;
import io.qabot.core.Reaction;
import io.qabot.core.Sender;
import java.time.Instant;
import java.util.Locale;

/**
 * One Bot API {@code Update}, read into a chat message for the pipeline, or the reason it is
 * acknowledged and left alone (edits, service messages, other bots, update kinds the bot
 * does not handle).
 */
sealed interface TelegramUpdate {

    /** The update's sequential id: polling confirms everything up to it. */
    long updateId();

    record Message(long updateId, ChatMessage message) implements TelegramUpdate { }

    record Ignored(long updateId, String reason) implements TelegramUpdate { }

    /** A member's 👎 or 👍 set on a message: a flag when the message is one of the bot's answers. */
    record Reacted(long updateId, Reaction reaction) implements TelegramUpdate { }

    static TelegramUpdate read(JsonNode update, BotIdentity bot) {
        long updateId = update.path("update_id").asLong(-1);
        try {
            JsonNode reaction = update.get("message_reaction");
            if (reaction != null && reaction.isObject()) {
                return reaction(updateId, reaction, bot);
            }
            return message(updateId, update, bot);
        } catch (WrongField wrong) {
            // a field of the wrong type, blank or too long: the update is acknowledged and left alone
            return new Ignored(updateId, wrong.getMessage());
        }
    }

    private static TelegramUpdate message(long updateId, JsonNode update, BotIdentity bot) throws WrongField {
        JsonNode message = update.get("message");
        if (message == null || !message.isObject()) {
            String kind = update.fieldNames().hasNext() ? kindOf(update) : "empty";
            return new Ignored(updateId, "update kind " + kind);
        }
        JsonNode from = message.path("from");
        if (from.path("is_bot").asBoolean(false)) {
            return new Ignored(updateId, "a bot's message");
        }
        String text = Fields.optionalText(message.get("text"), "message.text").orElse(null);
        if (text == null) {
            return new Ignored(updateId, "a message without text");
        }
        JsonNode chat = message.path("chat");
        String chatId = Fields.id(chat.get("id"), "message.chat.id");
        String messageId = Fields.id(message.get("message_id"), "message.message_id");
        String fromId = Fields.id(from.get("id"), "message.from.id");
        Addressing addressing = addressing(message, text, bot);
        // forum topics are Telegram's threads; a plain reply chain is not one
        String thread = message.path("is_topic_message").asBoolean(false)
                ? Fields.optionalId(message.get("message_thread_id"), "message.message_thread_id").orElse(null) : null;
        // a reply to one of the bot's messages names it: "不对" there is about that answer
        JsonNode repliedTo = message.path("reply_to_message");
        String replyTo = repliedTo.path("from").path("id").asLong(0) == bot.id()
                ? Fields.optionalId(repliedTo.get("message_id"), "message.reply_to_message.message_id").orElse(null) : null;
        ChatMessage chatMessage = new ChatMessage(Platform.TELEGRAM, chatId, thread,
                messageId, new Sender(fromId, name(from)),
                addressing.text(), addressing.mentioned() || "private".equals(chat.path("type").asText()),
                EpochTime.seconds(message.path("date")).orElse(Instant.EPOCH), replyTo);
        return new Message(updateId, chatMessage);
    }

    /**
     * A {@code message_reaction} update: the member's reactions before and after. A 👎 (or 👍) that is
     * new in {@code new_reaction} counts; anonymous reactions (an {@code actor_chat}, no user) and the
     * bot's own do not, since a flag needs a member.
     */
    private static TelegramUpdate reaction(long updateId, JsonNode reaction, BotIdentity bot) throws WrongField {
        JsonNode user = reaction.path("user");
        if (!user.hasNonNull("id")) {
            return new Ignored(updateId, "an anonymous reaction");
        }
        String userId = Fields.id(user.get("id"), "message_reaction.user.id");
        if (user.path("is_bot").asBoolean(false) || userId.equals(Long.toString(bot.id()))) {
            return new Ignored(updateId, "a bot's reaction");
        }
        String chatId = Fields.id(reaction.path("chat").get("id"), "message_reaction.chat.id");
        String messageId = Fields.id(reaction.get("message_id"), "message_reaction.message_id");
        FlagKind kind = added(reaction, "👎") ? FlagKind.WRONG : added(reaction, "👍") ? FlagKind.HELPFUL : null;
        if (kind == null) {
            return new Ignored(updateId, "a reaction other than 👎 or 👍");
        }
        return new Reacted(updateId, new Reaction(Platform.TELEGRAM, chatId, messageId, new Sender(userId, name(user)), kind,
                Long.toString(updateId), EpochTime.seconds(reaction.path("date")).orElse(Instant.EPOCH)));
    }

    /** "First Last", or null when neither is a string. */
    private static String name(JsonNode user) {
        String first = Fields.name(user.get("first_name"));
        String last = Fields.name(user.get("last_name"));
        return first == null ? last : last == null ? first : first + " " + last;
    }

    private static boolean added(JsonNode reaction, String emoji) {
        return has(reaction.path("new_reaction"), emoji) && !has(reaction.path("old_reaction"), emoji);
    }

    private static boolean has(JsonNode reactions, String emoji) {
        for (JsonNode r : reactions) {
            if ("emoji".equals(r.path("type").asText()) && emoji.equals(r.path("emoji").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String kindOf(JsonNode update) {
        var names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "empty";
    }

    /** Whether the message addresses the bot, and its text without the bot's mention or command suffix. */
    record Addressing(boolean mentioned, String text) { }

    private static Addressing addressing(JsonNode message, String text, BotIdentity bot) {
        boolean mentioned = message.path("reply_to_message").path("from").path("id").asLong(0) == bot.id();
        String handle = "@" + bot.username().toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(text);
        JsonNode entities = message.path("entities");
        // from the last entity back, so earlier offsets stay valid while cutting
        for (int i = entities.size() - 1; i >= 0; i--) {
            JsonNode entity = entities.get(i);
            // offsets and lengths count UTF-16 code units, which is what a Java String indexes
            int offset = entity.path("offset").asInt(-1);
            int length = entity.path("length").asInt(-1);
            if (offset < 0 || length <= 0 || offset + length > text.length()) {
                continue;
            }
            String covered = text.substring(offset, offset + length);
            switch (entity.path("type").asText("")) {
                case "mention" -> {
                    if (covered.toLowerCase(Locale.ROOT).equals(handle)) {
                        mentioned = true;
                        kept.delete(offset, offset + length);
                    }
                }
                case "text_mention" -> {
                    if (entity.path("user").path("id").asLong(0) == bot.id()) {
                        mentioned = true;
                        kept.delete(offset, offset + length);
                    }
                }
                case "bot_command" -> {
                    // /ask@thisbot, or a bare /ask: privacy mode delivers that to us alone only when it is ours
                    String command = covered.toLowerCase(Locale.ROOT);
                    if (command.endsWith(handle) || command.equals("/ask")) {
                        mentioned = true;
                        kept.delete(offset, offset + length);
                    }
                }
                default -> { }
            }
        }
        return new Addressing(mentioned, kept.toString().strip().replaceAll("\\s{2,}", " "));
    }
}
