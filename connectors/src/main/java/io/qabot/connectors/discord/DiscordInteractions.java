package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.core.ChatMessage;
import io.qabot.core.Handled;
import io.qabot.core.Outcome;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactions endpoint: the signature first (401 and nothing else otherwise, which is
 * also how Discord's probes with bad signatures must be answered), then PING (type 1) gets
 * PONG and {@code /ask} (type 2) gets a deferred response (type 5) within Discord's 3 s; the
 * answer replaces it once the pipeline is done, which the interaction token allows for 15
 * minutes. Other interaction types are acknowledged with a short note.
 */
final class DiscordInteractions {
    private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);
    static final String COMMAND = "ask";

    private final DiscordSignature signature;
    private final Pipeline pipeline;
    private final DiscordRestApi api;
    private final Clock clock;

    DiscordInteractions(DiscordSignature signature, Pipeline pipeline, DiscordRestApi api, Clock clock) {
        this.signature = signature;
        this.pipeline = pipeline;
        this.api = api;
        this.clock = clock;
    }

    RouteResponse receive(RouteRequest request) {
        String refusal = signature.refusal(request.header(DiscordSignature.SIGNATURE),
                request.header(DiscordSignature.TIMESTAMP), request.body());
        if (refusal != null) {
            log.debug("refused discord interaction from {}: {}", request.remote(), refusal);
            return RouteResponse.error(401, refusal);
        }
        JsonNode interaction;
        try {
            interaction = JsonBody.object(request.body());
        } catch (MalformedJsonException e) {
            return RouteResponse.error(400, e.getMessage());
        }
        int type = interaction.path("type").asInt(-1);
        if (type == 1) {
            return callback(1);
        }
        if (type == 2 && COMMAND.equals(interaction.path("data").path("name").asText())) {
            return ask(interaction);
        }
        log.debug("discord: interaction type {} ({}) not handled", type, interaction.path("data").path("name").asText(""));
        return message("qabot only answers /" + COMMAND + ".");
    }

    private RouteResponse ask(JsonNode interaction) {
        try {
            return ask(Asked.read(interaction));
        } catch (WrongField wrong) {
            // signed by Discord, yet not an interaction it documents: refused with the reason
            log.debug("discord: interaction refused: {}", wrong.getMessage());
            return RouteResponse.error(400, wrong.getMessage());
        }
    }

    /** The fields of an {@code /ask} this class needs, each read strictly. */
    private record Asked(String question, String userId, String name, String id, String channel, String applicationId,
                         String token) {
        static Asked read(JsonNode interaction) throws WrongField {
            String question = "";
            for (JsonNode option : interaction.path("data").path("options")) {
                if (option.path("value").isTextual()) {
                    question = option.get("value").asText();
                }
            }
            JsonNode user = interaction.path("member").path("user");
            if (user.isMissingNode()) {
                user = interaction.path("user");   // a DM carries the user at the top level
            }
            String userId = Fields.id(user.get("id"), "user.id");
            String id = Fields.id(interaction.get("id"), "id");
            JsonNode channel = interaction.hasNonNull("channel_id") ? interaction.get("channel_id") : interaction.path("channel").get("id");
            String name = Fields.name(interaction.path("member").path("nick"), user.path("global_name"), user.path("username"));
            return new Asked(question, userId, name, id, Fields.id(channel, "channel_id"),
                    Fields.id(interaction.get("application_id"), "application_id"),
                    token(interaction.get("token")));
        }

        /** The interaction's token: a string that is not blank; no id, so not bound by {@code MAX_ID}. */
        private static String token(JsonNode node) throws WrongField {
            String token = Fields.text(node, "token");
            if (token.isBlank()) {
                throw new WrongField("token is blank");
            }
            return token;
        }
    }

    private RouteResponse ask(Asked asked) {
        if (asked.question().isBlank()) {
            return message("Ask with a question: /" + COMMAND + " question: …");
        }
        String userId = asked.userId();
        String id = asked.id();
        String channel = asked.channel();
        String applicationId = asked.applicationId();
        String token = asked.token();
        String name = asked.name();
        Sender asker = new Sender(userId, name);
        // a slash command is addressed to the bot by definition
        ChatMessage message = new ChatMessage(Platform.DISCORD, channel, null, id, asker, asked.question().strip(), true,
                clock.instant());
        pipeline.handle(message)
                .thenCompose(handled -> api.editOriginal(applicationId, token, userId, followUp(handled, asker)))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("discord: could not answer interaction {} in {}", id, channel, failure);
                    }
                });
        return callback(5);
    }

    /**
     * What replaces "thinking…", the interaction's one answer: what the pipeline says to post
     * (the answer, the acknowledgement of an escalation), never posted into the channel besides;
     * or why there is none (something must, or it spins forever).
     */
    private static String followUp(Handled handled, Sender asker) {
        Outcome outcome = handled.outcome();
        // the outcome's, even on a redelivery: editing the original again posts nothing new
        var said = outcome.outbound();
        if (said.isPresent()) {
            return DiscordMention.addressed(said.get().text(), asker.name(), asker.id());
        }
        if (outcome instanceof Outcome.Escalated) {
            return "<@" + asker.id() + "> I don't know that one yet; I've passed it to the maintainers, "
                    + "and their answer will come here.";
        }
        if (outcome instanceof Outcome.Flagged) {
            return "<@" + asker.id() + "> Thanks, I've asked the maintainers to check that answer.";
        }
        Outcome.Silence reason = ((Outcome.Silent) outcome).reason();
        return switch (reason) {
            case NOT_A_QUESTION -> "<@" + asker.id() + "> That doesn't look like a question I can answer.";
            case CHAT_OFF -> "I'm switched off in this channel.";
            default -> "<@" + asker.id() + "> I answered that a moment ago; please scroll up, or ask again later.";
        };
    }

    private static RouteResponse callback(int type) {
        return RouteResponse.json(200, DiscordRestApi.JSON.createObjectNode().put("type", type));
    }

    private static RouteResponse message(String content) {
        var json = DiscordRestApi.JSON.createObjectNode().put("type", 4);
        // flag 64: only the person who invoked it sees this
        json.putObject("data").put("content", content).put("flags", 64);
        return RouteResponse.json(200, json);
    }
}
