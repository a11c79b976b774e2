package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
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

    /**
     * The message, or empty for what the bot does not read (pictures, voice, rich text).
     *
     * @throws WrongField for a text message with a field missing, of the wrong type, blank or too long
     */
    static Optional<DingTalkRobotMessage> read(JsonNode root) throws WrongField {
        if (root == null || !root.isObject() || !"text".equals(root.path("msgtype").asText())) {
            return Optional.empty();
        }
        String msgId = Fields.id(root.get("msgId"), "msgId");
        String conversationId = Fields.id(root.get("conversationId"), "conversationId");
        String content = Fields.text(root.path("text").get("content"), "text.content");
        String staffId = Fields.optionalId(root.get("senderStaffId"), "senderStaffId").orElse("");
        String senderId = Fields.optionalId(root.get("senderId"), "senderId").orElse("");
        if (staffId.isBlank() && senderId.isBlank()) {
            throw new WrongField("senderStaffId and senderId are missing");
        }
        boolean group = "2".equals(Fields.optionalId(root.get("conversationType"), "conversationType").orElse(""));
        // in groups DingTalk only delivers messages that @ the robot; isInAtList says so when present
        boolean atBot = !group || !root.has("isInAtList") || root.path("isInAtList").asBoolean(true);
        URI webhook = null;
        try {
            String url = Fields.optionalText(root.get("sessionWebhook"), "sessionWebhook").orElse("");
            webhook = url.isBlank() ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            webhook = null;
        }
        Instant created = EpochTime.millis(root.path("createAt")).orElse(Instant.EPOCH);
        Instant expires = EpochTime.millis(root.path("sessionWebhookExpiredTime")).orElse(Instant.EPOCH);
        return Optional.of(new DingTalkRobotMessage("text", msgId, conversationId, group, staffId, senderId,
                Fields.name(root.get("senderNick")), content.strip(), atBot, created, webhook, expires));
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
}
