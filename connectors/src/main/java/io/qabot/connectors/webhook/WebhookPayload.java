package io.qabot.connectors.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.payload.Fields;
import io.qabot.core.ChatMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.time.Instant;

/**
 * Reads the inbound webhook JSON into a {@link ChatMessage}. A payload that does not fit
 * becomes a {@link #problem()} naming the field, not an exception.
 */
record WebhookPayload(ChatMessage message, String problem) {
    static WebhookPayload read(byte[] body, Instant sent) {
        JsonNode root;
        try {
            root = JsonBody.object(body);
        } catch (MalformedJsonException e) {
            return problem(e.getMessage());
        }
        JsonNode idNode = root.get("id");
        // ids are strings in the contract; integral numbers are accepted as their decimal text
        String id = idNode != null && idNode.isIntegralNumber() ? idNode.asText() : text(root, "id");
        String chat = text(root, "chat");
        String text = text(root, "text");
        JsonNode user = root.get("user");
        if (id == null || id.isBlank()) {
            return problem("missing field: id (a non-empty string)");
        }
        if (chat == null || chat.isBlank()) {
            return problem("missing field: chat (a non-empty string)");
        }
        if (text == null) {
            return problem("missing field: text (a string)");
        }
        if (user == null || !user.isObject() || text(user, "id") == null || text(user, "id").isBlank()) {
            return problem("missing field: user.id (a non-empty string)");
        }
        JsonNode thread = root.get("thread");
        if (thread != null && !thread.isNull() && !thread.isTextual()) {
            return problem("field thread must be a string or null");
        }
        JsonNode mentioned = root.get("mentioned");
        if (mentioned != null && !mentioned.isNull() && !mentioned.isBoolean()) {
            return problem("field mentioned must be true or false");
        }
        JsonNode replyTo = root.get("reply_to");
        if (replyTo != null && !replyTo.isNull() && !replyTo.isTextual()) {
            return problem("field reply_to must be a reply_id (a string) or null");
        }
        // the store keeps ids in 500 characters: a longer one would fail there, after the 200
        String tooLong = tooLong("id", id, "chat", chat, "user.id", text(user, "id"),
                "thread", thread == null ? null : thread.asText(null), "reply_to", replyTo == null ? null : replyTo.asText(null));
        if (tooLong != null) {
            return problem("field " + tooLong + " is longer than " + Fields.MAX_ID + " characters");
        }
        Sender sender = new Sender(text(user, "id"), Fields.name(user.get("name")));
        ChatMessage message = new ChatMessage(Platform.WEBHOOK, chat, thread == null ? null : thread.asText(null),
                id, sender, text, mentioned != null && mentioned.asBoolean(), sent,
                replyTo == null ? null : replyTo.asText(null));
        return new WebhookPayload(message, null);
    }

    boolean ok() {
        return problem == null;
    }

    private static WebhookPayload problem(String reason) {
        return new WebhookPayload(null, reason);
    }

    /** The name of the first of the (name, value) pairs whose value is longer than an id may be, or null. */
    private static String tooLong(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && value.length() > Fields.MAX_ID) {
                return namesAndValues[i];
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
