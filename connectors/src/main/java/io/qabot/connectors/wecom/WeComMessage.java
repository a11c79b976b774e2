package io.qabot.connectors.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.EpochTime;
import io.qabot.connectors.xml.FlatXml;
import io.qabot.connectors.xml.MalformedXmlException;
import io.qabot.core.ChatMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decrypted WeCom text message: the classic app's XML ({@code MsgType}, {@code Content},
 * {@code FromUserName}, {@code MsgId}) or the AI bot's JSON ({@code msgtype}, {@code text.content},
 * {@code from.userid}, {@code msgid}, {@code chatid}, {@code response_url}).
 *
 * @param responseUrl where the AI bot takes an active reply to this message; null for app messages
 */
record WeComMessage(String msgId, String chat, String userId, String text, boolean mentioned, Instant created,
                    URI responseUrl) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The AI bot's text starts with the @-mention that addressed it. */
    private static final Pattern LEADING_MENTION = Pattern.compile("^@\\S+\\s*");

    /**
     * The message, or empty for events, non-text messages and what is not XML or JSON.
     *
     * @throws WrongField for a text message with a field missing, of the wrong type, blank or too long
     */
    static Optional<WeComMessage> read(String plaintext, Instant receivedIfUnknown) throws WrongField {
        String trimmed = plaintext.strip();
        return trimmed.startsWith("<") ? fromXml(trimmed, receivedIfUnknown) : fromJson(trimmed, receivedIfUnknown);
    }

    private static Optional<WeComMessage> fromXml(String xml, Instant received) throws WrongField {
        FlatXml fields;
        try {
            fields = FlatXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedXmlException e) {
            return Optional.empty();
        }
        if (!"text".equals(fields.text("MsgType"))) {
            return Optional.empty();
        }
        String msgId = Fields.id(fields.text("MsgId"), "MsgId");
        String user = Fields.id(fields.text("FromUserName"), "FromUserName");
        // an app is one-to-one: each member talks to it alone, so each member's conversation with the
        // app is a chat of its own (as a WeChat reader's is), and a message always addresses the bot.
        // One chat per app let another member's "不对" within ten minutes flag the asker's answer.
        String chat = "agent-" + Fields.id(fields.text("AgentID"), "AgentID") + "/" + user;
        return Optional.of(new WeComMessage(msgId, chat, user, fields.text("Content").strip(), true,
                seconds(fields.text("CreateTime"), received), null));
    }

    private static Optional<WeComMessage> fromJson(String json, Instant received) throws WrongField {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !"text".equals(root.path("msgtype").asText())) {
            return Optional.empty();
        }
        String msgId = Fields.id(root.get("msgid"), "msgid");
        String user = Fields.id(root.path("from").get("userid"), "from.userid");
        String chat = Fields.optionalId(root.get("chatid"), "chatid").orElse("single-" + user);
        String content = Fields.optionalText(root.path("text").get("content"), "text.content").orElse("");
        String text = LEADING_MENTION.matcher(content.strip()).replaceFirst("");
        URI responseUrl = null;
        try {
            String url = Fields.optionalText(root.get("response_url"), "response_url").orElse("");
            responseUrl = url.isBlank() ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            responseUrl = null;
        }
        // the AI bot is called only when @-mentioned in a group or spoken to 1:1
        return Optional.of(new WeComMessage(msgId, chat, user, text, true, received, responseUrl));
    }

    ChatMessage toChatMessage() {
        return new ChatMessage(Platform.WECOM, chat, null, msgId, new Sender(userId, null), text, mentioned, created);
    }

    private static Instant seconds(String value, Instant otherwise) {
        return EpochTime.seconds(value).orElse(otherwise);
    }
}
