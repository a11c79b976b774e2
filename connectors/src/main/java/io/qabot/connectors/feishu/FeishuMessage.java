package io.qabot.connectors.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
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
     * @return the message, or empty for what is not a user's text message
     * @throws WrongField for a user's text message with a field of the wrong type, blank or too long
     */
    static Optional<FeishuMessage> read(JsonNode event, String botOpenId) throws WrongField {
        JsonNode message = event.path("message");
        JsonNode sender = event.path("sender");
        if (!"text".equals(message.path("message_type").asText()) || !"user".equals(sender.path("sender_type").asText())) {
            return Optional.empty();
        }
        String messageId = Fields.id(message.get("message_id"), "event.message.message_id");
        String chatId = Fields.id(message.get("chat_id"), "event.message.chat_id");
        String openId = Fields.id(sender.path("sender_id").get("open_id"), "event.sender.sender_id.open_id");
        String content = Fields.text(message.get("content"), "event.message.content");
        String text;
        try {
            // the content is JSON inside a string: {"text":"…"}
            text = Fields.text(JSON.readTree(content).path("text"), "event.message.content's text");
        } catch (IOException e) {
            throw new WrongField("event.message.content is not JSON");
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
        String thread = Fields.optionalId(message.get("thread_id"), "event.message.thread_id").orElse(null);
        if (thread == null) {
            thread = Fields.optionalId(message.get("root_id"), "event.message.root_id").orElse(null);
        }
        Instant created = EpochTime.millis(message.path("create_time")).orElse(Instant.EPOCH);
        // the message this one replies to: "不对" in reply to the bot's answer is about that answer
        String parent = Fields.optionalId(message.get("parent_id"), "event.message.parent_id").orElse(null);
        return Optional.of(new FeishuMessage(messageId, chatId, thread, group, openId, stripped, mentioned,
                created, parent));
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
}
