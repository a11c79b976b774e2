package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One frame DingTalk sends down a Stream connection, and the ACK it expects back.
 *
 * <p>A frame is {@code {"specVersion", "type": SYSTEM|EVENT|CALLBACK, "headers": {"messageId",
 * "topic", …}, "data": "<JSON as a string>"}}; the ACK is {@code {"code", "headers":
 * {"contentType", "messageId"}, "message", "data": "<JSON as a string>"}} with the frame's
 * {@code messageId}, which is how DingTalk pairs the two (open-dingtalk's Java and Python
 * Stream SDKs: {@code ProtocolResponse}, {@code AckMessage}).
 *
 * @param data the frame's {@code data}, still a string: a ping's ACK echoes it unparsed
 */
record StreamFrame(String type, String topic, String messageId, String data) {
    static final String SYSTEM = "SYSTEM";
    static final String CALLBACK = "CALLBACK";
    /** DingTalk checks the connection is alive; the ACK echoes the data. */
    static final String PING = "ping";
    /** DingTalk will close this connection soon (it is being recycled): open another. */
    static final String DISCONNECT = "disconnect";
    /** The CALLBACK topic robot messages arrive on; an EVENT subscription does not include them. */
    static final String ROBOT_MESSAGES = "/v1.0/im/bot/messages/get";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The frame, or empty for text that is not a JSON object with a type (logged and dropped by the caller). */
    static Optional<StreamFrame> parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            return Optional.empty();
        }
        JsonNode headers = root.path("headers");
        return Optional.of(new StreamFrame(root.get("type").asText(), headers.path("topic").asText(""),
                headers.path("messageId").asText(""), root.path("data").isTextual() ? root.get("data").asText() : ""));
    }

    boolean is(String type, String topic) {
        return this.type.equals(type) && this.topic.equals(topic);
    }

    /** The data parsed, or empty when it is not a JSON object. */
    Optional<JsonNode> dataJson() {
        try {
            JsonNode node = JSON.readTree(data);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The ACK for this frame as JSON text; {@code data} must itself be JSON text. */
    String ack(int code, String message, String data) {
        ObjectNode ack = JSON.createObjectNode().put("code", code);
        ack.putObject("headers").put("contentType", "application/json").put("messageId", messageId);
        ack.put("message", message).put("data", data);
        return ack.toString();
    }
}
