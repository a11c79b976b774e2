package io.qabot.connectors.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.Connector;
import io.qabot.connectors.ask.AskObject;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.time.ReplayWindow;
import io.qabot.core.ChatMessage;
import io.qabot.core.ChatSender;
import io.qabot.core.Handled;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Outcome;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic webhook: any chat bridge that can sign a request can use qabot.
 *
 * <p>Inbound, in order: the signature and timestamp (401, and nothing else happens), the
 * content type (415), the payload (400 naming the field), then the pipeline, whose outcome
 * is the 200 response: the ask object plus {@code in_reply_to}. A redelivered {@code id}
 * gets the first delivery's response.
 */
public final class WebhookConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(WebhookConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SIGNATURE = "X-Qabot-Signature";
    static final String TIMESTAMP = "X-Qabot-Timestamp";
    static final String PATH = "/hooks/webhook";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebhookOptions options;
    private final Pipeline pipeline;
    private final OutboundClient client;
    private final Clock clock;
    private final ReplayWindow window;
    private final HmacSigner signer;

    public WebhookConnector(WebhookOptions options, Pipeline pipeline, OutboundClient client, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = ReplayWindow.seconds(options.maxSkew(), clock);
        this.signer = options.enabled() ? new HmacSigner(options.secret()) : null;
    }

    @Override
    public Platform platform() {
        return Platform.WEBHOOK;
    }

    @Override
    public List<Route> routes() {
        return options.enabled() ? List.of(Route.of(HttpMethod.POST, PATH, "webhook connector", this::receive)) : List.of();
    }

    @Override
    public ChatSender sender() {
        return ChatSender.posting(this::sendLater);
    }

    private CompletableFuture<RouteResponse> receive(RouteRequest request) {
        String timestamp = request.header(TIMESTAMP);
        String refusal = refusal(timestamp, request.header(SIGNATURE), request.body());
        if (refusal != null) {
            log.debug("refused webhook from {}: {}", request.remote(), refusal);
            return done(RouteResponse.error(401, refusal));
        }
        String contentType = request.header(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return done(RouteResponse.error(415, "content type must be application/json, not " + contentType));
        }
        WebhookPayload payload = WebhookPayload.read(request.body(), Instant.ofEpochSecond(Long.parseLong(timestamp.strip())));
        if (!payload.ok()) {
            return done(RouteResponse.error(400, payload.problem()));
        }
        ChatMessage message = payload.message();
        return pipeline.handle(message).thenApply(handled -> {
            if (!(handled.outcome() instanceof Outcome.Replied)) {
                sayLater(message, handled);
            }
            return RouteResponse.json(200, response(message, handled));
        });
    }

    /**
     * The bot's answer is in the response; anything else the outcome says (a maintainer's command
     * acknowledged) goes by the callback, like every later reply.
     */
    private void sayLater(ChatMessage message, Handled handled) {
        pipeline.deliver(handled, sender()).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("webhook: could not post the reply to {} in {}: {}", message.messageId(), message.chat(),
                        failure.toString());
            }
        });
    }

    /** Why the request is not authentic, or null when it is. */
    private String refusal(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return "missing " + (timestamp == null ? TIMESTAMP : SIGNATURE) + " header";
        }
        String stale = window.refusal(timestamp, TIMESTAMP);
        if (stale != null) {
            return stale;
        }
        return signer.verify(signature, timestamp.strip(), body) ? null : "signature does not match";
    }

    /** The ask object for what the bot did, plus in_reply_to and (additions) outcome, reply_id, reason, escalation. */
    private static ObjectNode response(ChatMessage message, Handled handled) {
        Outcome outcome = handled.outcome();
        Match match = outcome.match().orElseGet(() -> new Match(message.text(), Decision.IGNORE, 0, List.of()));
        String reply = outcome instanceof Outcome.Replied replied ? replied.reply().text() : null;
        ObjectNode json = AskObject.of(match, reply).toJson();
        json.put("in_reply_to", message.messageId());
        if (outcome instanceof Outcome.Replied replied) {
            json.put("outcome", "replied");
            json.put("reply_id", replied.reply().replyId());
        } else if (outcome instanceof Outcome.Flagged flagged) {
            // the answer it names went to the maintainers; the notice that says so comes as a callback, once
            json.put("outcome", "flagged");
            json.put("flagged", flagged.receipt().replyId());
            flagged.receipt().escalationId().ifPresent(id -> json.put("escalation", id));
        } else if (outcome instanceof Outcome.Escalated escalated) {
            json.put("outcome", "escalated");
            json.put("escalation", escalated.escalationId());
        } else if (outcome instanceof Outcome.Silent silent) {
            json.put("outcome", "silent");
            json.put("reason", silent.reason().wireName());
        }
        return json;
    }

    /**
     * POSTs a later reply, signed like inbound requests, to the callback URL. A bridge may answer
     * with {@code {"id": "…"}}, the chat's id for the posted message, so that replies in its
     * thread can be recognised (an announcement answered in its thread).
     */
    private CompletableFuture<Optional<String>> sendLater(OutboundMessage message) {
        if (message.platform() != Platform.WEBHOOK) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "webhook connector cannot send to " + message.platform().wireName()));
        }
        if (!options.enabled() || options.callback().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "webhook has no " + (options.enabled() ? "callback URL" : "secret") + " configured"));
        }
        URI callback = options.callback().get();
        byte[] body = callbackBody(message);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder builder = client.request(callback)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, signer.sign(timestamp, body));
        if (message.idempotencyKey() != null) {
            // the same on a resend after a crash, so the bridge can drop the second copy
            builder.header(IDEMPOTENCY_KEY, message.idempotencyKey());
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook callback answered " + response.statusCode()
                        + (message.isPost() ? " for a post into " + message.chat()
                                : " for the reply to " + message.inReplyTo()));
            }
            return postedId(response.body());
        });
    }

    /** The {@code id} in a callback's answer; empty when the body is empty, not JSON or has none. */
    private static Optional<String> postedId(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode id = json == null ? null : json.get("id");
            return id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isBlank()
                    ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] callbackBody(OutboundMessage message) {
        ObjectNode json = JSON.createObjectNode();
        // null for a post that replies to nothing (an announcement): the bridge posts it plainly
        json.put("in_reply_to", message.inReplyTo());
        json.put("chat", message.chat());
        json.put("thread", message.thread());
        if (message.addressee() == null) {
            json.putNull("user");
        } else {
            json.putObject("user").put("id", message.addressee().id()).put("name", message.addressee().name());
        }
        json.put("text", message.text());
        json.put("source", message.author().wireName());
        if (message.replyId() != null) {
            // a maintainer's answer: a message with "reply_to" naming it may flag it, like an answer in a response
            json.put("reply_id", message.replyId());
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static CompletableFuture<RouteResponse> done(RouteResponse response) {
        return CompletableFuture.completedFuture(response);
    }

}
