package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.time.EpochTime;
import io.qabot.core.ChatMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A robot message as DingTalk delivers it, by HTTP callback or as the data of a Stream
 * frame: the same JSON either way.
 *
 * @param sessionWebhook where a reply can be posted without a token, until {@code sessionExpires}
 */
record DingTalkRobotMessage(String msgType, String msgId, String conversationId, boolean group, String staffId,
                            String senderId, String nick, String text, boolean atBot, Instant created,
                            URI sessionWebhook, Instant sessionExpires) {

    /** The message, or empty for what the bot does not read (pictures, voice, rich text, missing fields). */
    static Optional<DingTalkRobotMessage> read(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String msgId = text(root, "msgId");
        String conversationId = text(root, "conversationId");
        String msgType = text(root, "msgtype");
        JsonNode content = root.path("text").path("content");
        if (msgId.isBlank() || conversationId.isBlank() || !"text".equals(msgType) || !content.isTextual()) {
            return Optional.empty();
        }
        String staffId = text(root, "senderStaffId");
        String senderId = text(root, "senderId");
        if (staffId.isBlank() && senderId.isBlank()) {
            return Optional.empty();
        }
        boolean group = "2".equals(text(root, "conversationType"));
        // in groups DingTalk only delivers messages that @ the robot; isInAtList says so when present
        boolean atBot = !group || !root.has("isInAtList") || root.path("isInAtList").asBoolean(true);
        URI webhook = null;
        try {
            String url = text(root, "sessionWebhook");
            webhook = url.isBlank() ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            webhook = null;
        }
        Instant created = EpochTime.millis(root.path("createAt")).orElse(Instant.EPOCH);
        Instant expires = EpochTime.millis(root.path("sessionWebhookExpiredTime")).orElse(Instant.EPOCH);
        return Optional.of(new DingTalkRobotMessage(msgType, msgId, conversationId, group, staffId, senderId,
                text(root, "senderNick"), content.asText().strip(), atBot, created, webhook, expires));
    }

    /** The staff id when DingTalk gives one (what {@code atUserIds} needs), else the encrypted sender id. */
    String userId() {
        return staffId.isBlank() ? senderId : staffId;
    }

    ChatMessage toChatMessage(Instant receivedIfUnknown) {
        Instant time = created.toEpochMilli() == 0 ? receivedIfUnknown : created;
        return new ChatMessage(Platform.DINGTALK, conversationId, null, msgId, new Sender(userId(), nick), text,
                atBot, time);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
