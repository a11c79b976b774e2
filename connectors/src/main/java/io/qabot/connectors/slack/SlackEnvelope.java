package io.qabot.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.EpochTime;
import io.qabot.core.ChatMessage;
import io.qabot.core.FlagKind;
import io.qabot.core.Platform;
import io.qabot.core.Reaction;
import io.qabot.core.Sender;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one Events API request carries, read from its verified bytes: the URL-verification
 * challenge, a chat message for the pipeline, a reaction, something to acknowledge and ignore (with
 * the reason, for the log), or a body that is not an event at all.
 */
sealed interface SlackEnvelope {
    ObjectMapper JSON = new ObjectMapper();
    /** Message subtypes that are still someone writing in the channel; the rest are edits, joins, bots. */
    Set<String> PEOPLE_SUBTYPES = Set.of("thread_broadcast", "file_share");

    record Challenge(String challenge) implements SlackEnvelope { }

    record Message(ChatMessage message, String eventId) implements SlackEnvelope { }

    /** A member's 👎 or 👍 on a message: a flag when the message is one of the bot's answers. */
    record Reacted(Reaction reaction) implements SlackEnvelope { }

    record Ignored(String reason) implements SlackEnvelope { }

    record Malformed(String reason) implements SlackEnvelope { }

    static SlackEnvelope read(byte[] body) {
        JsonNode root;
        try {
            root = JsonBody.object(body);
        } catch (MalformedJsonException e) {
            return new Malformed(e.getMessage());
        }
        String type = root.path("type").asText("");
        return switch (type) {
            case "url_verification" -> root.path("challenge").isTextual()
                    ? new Challenge(root.get("challenge").asText())
                    : new Malformed("url_verification without a challenge");
            case "event_callback" -> callback(root);
            default -> new Ignored("envelope type " + (type.isEmpty() ? "(none)" : type));
        };
    }

    private static SlackEnvelope callback(JsonNode root) {
        try {
            return event(root);
        } catch (WrongField wrong) {
            // a field of the wrong type, blank or too long: refused with the reason (400)
            return new Malformed(wrong.getMessage());
        }
    }

    private static SlackEnvelope event(JsonNode root) throws WrongField {
        JsonNode event = root.path("event");
        String type = event.path("type").asText("");
        if (type.equals("reaction_added")) {
            return reaction(root, event);
        }
        if (!type.equals("app_mention") && !type.equals("message")) {
            return new Ignored("event type " + (type.isEmpty() ? "(none)" : type));
        }
        String subtype = event.path("subtype").asText("");
        if (!subtype.isEmpty() && !PEOPLE_SUBTYPES.contains(subtype)) {
            return new Ignored("message subtype " + subtype);
        }
        if (event.hasNonNull("bot_id")) {
            return new Ignored("a bot's message");
        }
        String user = Fields.id(event.get("user"), "event.user");
        String channel = Fields.id(event.get("channel"), "event.channel");
        String ts = Fields.id(event.get("ts"), "event.ts");
        String bot = bot(root);
        if (user.equals(bot)) {
            return new Ignored("the bot's own message");
        }
        String text = Fields.optionalText(event.get("text"), "event.text").orElse("");
        boolean mentioned = type.equals("app_mention")
                || (!bot.isEmpty() && text.contains("<@" + bot + ">"))
                || event.path("channel_type").asText("").equals("im");
        if (!bot.isEmpty()) {
            text = text.replaceAll("<@" + Pattern.quote(bot) + "(\\|[^>]*)?>", " ");
        }
        // a top-level message opens a thread under itself: replies go there, not into the channel
        String thread = Fields.optionalId(event.get("thread_ts"), "event.thread_ts").orElse(ts);
        ChatMessage message = new ChatMessage(Platform.SLACK, channel, thread, ts, new Sender(user, null),
                text.strip().replaceAll("\\s{2,}", " "), mentioned, time(ts));
        return new Message(message, eventId(root));
    }

    private static SlackEnvelope reaction(JsonNode root, JsonNode event) throws WrongField {
        if (!event.path("item").path("type").asText("").equals("message")) {
            return new Ignored("a reaction on a " + event.path("item").path("type").asText("(nothing)"));
        }
        // "-1::skin-tone-2" is a 👎 too
        String name = event.path("reaction").asText("").replaceFirst("::.*$", "");
        FlagKind kind = switch (name) {
            case "-1", "thumbsdown" -> FlagKind.WRONG;
            case "+1", "thumbsup" -> FlagKind.HELPFUL;
            default -> null;
        };
        if (kind == null) {
            return new Ignored("reaction " + (name.isEmpty() ? "(none)" : name));
        }
        String bot = bot(root);
        String user = Fields.id(event.get("user"), "event.user");
        String itemUser = Fields.optionalId(event.get("item_user"), "event.item_user").orElse("");
        if (!bot.isEmpty() && user.equals(bot)) {
            return new Ignored("the bot's own reaction");
        }
        if (!bot.isEmpty() && !itemUser.isEmpty() && !itemUser.equals(bot)) {
            return new Ignored("a reaction on someone else's message");
        }
        String channel = Fields.id(event.path("item").get("channel"), "event.item.channel");
        String ts = Fields.id(event.path("item").get("ts"), "event.item.ts");
        return new Reacted(new Reaction(Platform.SLACK, channel, ts, new Sender(user, null), kind, eventId(root),
                EpochTime.seconds(event.path("event_ts")).orElse(Instant.EPOCH)));
    }

    /** The bot's own user id: the installation this event was delivered for; "" when not given. */
    private static String bot(JsonNode root) throws WrongField {
        return Fields.optionalId(root.path("authorizations").path(0).get("user_id"), "authorizations[0].user_id").orElse("");
    }

    /** Slack's id of the delivery (retries repeat it); "" when not given. */
    private static String eventId(JsonNode root) throws WrongField {
        return Fields.optionalId(root.get("event_id"), "event_id").orElse("");
    }

    private static Instant time(String ts) {
        return EpochTime.seconds(ts).orElse(Instant.EPOCH);
    }
}
