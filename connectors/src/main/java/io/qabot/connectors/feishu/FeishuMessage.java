package io.qabot.connectors.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.time.EpochTime;
import io.qabot.core.ChatMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * An {@code im.message.receive_v1} text message from a user. The text is a JSON string inside
 * the event; mentions are placeholders ({@code @_user_1}) listed in {@code mentions}. The
 * placeholders that open the message address the bot and are dropped; later ones become
 * {@code @name} so the question still reads as written.
 */
record FeishuMessage(String messageId, String chatId, String thread, boolean group, String openId, String text,
                     boolean mentioned, Instant created, String parentId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param botOpenId the bot's {@code open_id}, or null while it is unknown: then any message
     *     that mentions someone counts as addressed to the bot, the best guess without it
     */
    static Optional<FeishuMessage> read(JsonNode event, String botOpenId) {
        JsonNode message = event.path("message");
        JsonNode sender = event.path("sender");
        if (!"text".equals(message.path("message_type").asText()) || !"user".equals(sender.path("sender_type").asText())) {
            return Optional.empty();
        }
        String messageId = message.path("message_id").asText("");
        String chatId = message.path("chat_id").asText("");
        String openId = sender.path("sender_id").path("open_id").asText("");
        if (messageId.isBlank() || chatId.isBlank() || openId.isBlank()) {
            return Optional.empty();
        }
        String text;
        try {
            text = JSON.readTree(message.path("content").asText("")).path("text").asText(null);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (text == null) {
            return Optional.empty();
        }
        JsonNode mentions = message.path("mentions");
        String stripped = text.strip();
        boolean leading = true;
        while (leading) {
            leading = false;
            for (JsonNode mention : mentions) {
                String key = mention.path("key").asText("");
                if (!key.isEmpty() && stripped.startsWith(key)) {
                    stripped = stripped.substring(key.length()).strip();
                    leading = true;
                }
            }
        }
        for (JsonNode mention : mentions) {
            String key = mention.path("key").asText("");
            if (!key.isEmpty()) {
                stripped = stripped.replace(key, "@" + mention.path("name").asText(""));
            }
        }
        boolean group = "group".equals(message.path("chat_type").asText());
        // without the "read all group messages" permission Feishu delivers only messages that @ the bot;
        // with it, a group message @-ing someone else is not a question for the bot
        boolean mentioned = !group || (botOpenId == null ? mentions.size() > 0 : mentionsOf(mentions, botOpenId));
        String thread = firstNonBlank(message.path("thread_id").asText(""), message.path("root_id").asText(""));
        Instant created = EpochTime.millis(message.path("create_time")).orElse(Instant.EPOCH);
        // the message this one replies to: "不对" in reply to the bot's answer is about that answer
        String parent = message.path("parent_id").asText("");
        return Optional.of(new FeishuMessage(messageId, chatId, thread, group, openId, stripped, mentioned,
                created, parent.isBlank() ? null : parent));
    }

    ChatMessage toChatMessage(Instant receivedIfUnknown) {
        return new ChatMessage(Platform.FEISHU, chatId, thread, messageId, new Sender(openId, null), text, mentioned,
                created.toEpochMilli() == 0 ? receivedIfUnknown : created, parentId);
    }

    private static boolean mentionsOf(JsonNode mentions, String openId) {
        for (JsonNode mention : mentions) {
            if (openId.equals(mention.path("id").path("open_id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonBlank(String a, String b) {
        return !a.isBlank() ? a : b.isBlank() ? null : b;
    }
}
