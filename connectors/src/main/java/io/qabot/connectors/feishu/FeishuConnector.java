package io.qabot.connectors.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.FeishuConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.ReplayWindow;
import io.qabot.core.ChatSender;
import io.qabot.core.FlagKind;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Reaction;
import io.qabot.core.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feishu's event subscription at {@code POST /hooks/feishu}: verify (signature and replay
 * window when an Encrypt Key is set; the Verification Token always), answer the
 * {@code url_verification} challenge, acknowledge events at once and answer
 * {@code im.message.receive_v1} asynchronously; everything else is acknowledged and ignored.
 */
public final class FeishuConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(FeishuConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/hooks/feishu";
    static final String MESSAGE_RECEIVED = "im.message.receive_v1";
    static final String REACTION_CREATED = "im.message.reaction.created_v1";
    /**
     * Feishu documents no window. It retries a push up to ~7.1 h after the first one, and a
     * retry may carry the first timestamp, so a shorter window could refuse real deliveries.
     * A replay inside the window is swallowed by the pipeline's 8 h de-duplication.
     */
    static final Duration MAX_SKEW = Duration.ofHours(7).plusMinutes(30);
    static final Duration BOT_LOOKUP_RETRY = Duration.ofMinutes(1);

    private final FeishuConfig config;
    private final Pipeline pipeline;
    private final Clock clock;
    private final ReplayWindow window;
    private final FeishuEventDecryptor decryptor;
    private final FeishuSignature signature;
    private final FeishuReplies replies;
    /** The latest look-up of the bot's own open_id (see {@link FeishuMessage#read}); null before start. */
    private final AtomicReference<BotLookup> bot = new AtomicReference<>();

    private record BotLookup(Instant started, CompletableFuture<String> openId) {
        /** The open_id, or null while it is being looked up or the look-up failed. */
        String known() {
            return openId.isDone() && !openId.isCompletedExceptionally() ? openId.join() : null;
        }

        boolean worthRetrying(Instant now) {
            return openId.isCompletedExceptionally() && started.plus(BOT_LOOKUP_RETRY).isBefore(now);
        }
    }

    public FeishuConnector(FeishuConfig config, Pipeline pipeline, OutboundClient client, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = ReplayWindow.seconds(MAX_SKEW, clock);
        this.decryptor = config.encryptKey().map(FeishuEventDecryptor::new).orElse(null);
        this.signature = config.encryptKey().map(FeishuSignature::new).orElse(null);
        this.replies = new FeishuReplies(config, client, clock);
    }

    @Override
    public Platform platform() {
        return Platform.FEISHU;
    }

    @Override
    public void start() {
        lookUpTheBot();
    }

    /**
     * Asks Feishu who the bot is, unless it is known, being asked, or was asked in vain less
     * than a minute ago; the latest look-up either way.
     */
    CompletableFuture<String> lookUpTheBot() {
        Instant now = clock.instant();
        BotLookup current = bot.get();
        if (current != null && !current.worthRetrying(now)) {
            return current.openId();
        }
        CompletableFuture<String> asked = new CompletableFuture<>();
        if (!bot.compareAndSet(current, new BotLookup(now, asked))) {
            return bot.get().openId();
        }
        replies.botOpenId().whenComplete((openId, failure) -> {
            if (failure != null) {
                log.warn("Feishu: cannot look up the bot's open_id ({}); until then a group message that @-mentions "
                        + "anyone counts as addressed to the bot", rootMessage(failure));
                asked.completeExceptionally(failure);
            } else {
                log.info("Feishu: the bot is {}", openId);
                asked.complete(openId);
            }
        });
        return asked;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.of(HttpMethod.POST, PATH, "feishu connector", this::receive));
    }

    @Override
    public ChatSender sender() {
        return ChatSender.posting(this::send);
    }

    private CompletableFuture<RouteResponse> receive(RouteRequest request) {
        JsonNode event;
        try {
            event = authentic(request, JsonBody.object(request.body()));
        } catch (MalformedJsonException malformed) {
            // not even an envelope: nothing to check a signature or a token in
            return done(RouteResponse.error(400, malformed.getMessage()));
        } catch (FeishuRefusal refusal) {
            log.debug("refused Feishu event from {}: {}", request.remote(), refusal.getMessage());
            return done(RouteResponse.error(401, refusal.getMessage()));
        }
        if ("url_verification".equals(event.path("type").asText())) {
            return done(RouteResponse.json(200, JSON.createObjectNode().put("challenge", event.path("challenge").asText(""))));
        }
        String type = event.path("header").path("event_type").asText("");
        try {
            if (MESSAGE_RECEIVED.equals(type)) {
                lookUpTheBot();
                BotLookup lookup = bot.get();
                FeishuMessage.read(event.path("event"), lookup == null ? null : lookup.known()).ifPresentOrElse(this::accept,
                        () -> log.debug("Feishu message ignored: not a user's text message"));
            } else if (REACTION_CREATED.equals(type)) {
                react(event.path("event"));
            } else {
                log.debug("Feishu event {} ignored", type.isEmpty() ? "(v1 or unknown)" : type);
            }
        } catch (WrongField wrong) {
            // acknowledged (Feishu would only deliver it again) and left alone, with the reason
            log.debug("Feishu event {} ignored: {}", type, wrong.getMessage());
        }
        return done(RouteResponse.json(200, JSON.createObjectNode()));
    }

    /**
     * A member's 👎 ({@code ThumbsDown}) or 👍 ({@code THUMBSUP}) on a message: a flag when the message is
     * one of the bot's answers. The event names the message, not its chat; Feishu's message ids are
     * unique, so the answer is found by its id alone. An app's reaction is no member's.
     */
    private void react(JsonNode event) throws WrongField {
        String emoji = event.path("reaction_type").path("emoji_type").asText("").toUpperCase(java.util.Locale.ROOT);
        FlagKind kind = emoji.equals("THUMBSDOWN") ? FlagKind.WRONG : emoji.equals("THUMBSUP") ? FlagKind.HELPFUL : null;
        if (kind == null || !"user".equals(event.path("operator_type").asText())) {
            log.debug("Feishu reaction {} ignored: not a member's 👎 or 👍", emoji);
            return;
        }
        String openId = Fields.id(event.path("user_id").get("open_id"), "event.user_id.open_id");
        String messageId = Fields.id(event.get("message_id"), "event.message_id");
        pipeline.react(new Reaction(Platform.FEISHU, null, messageId, new Sender(openId, null), kind, null, clock.instant()), sender())
                .whenComplete((receipt, failure) -> {
                    if (failure != null) {
                        log.warn("Feishu: could not take a reaction on {}", messageId, failure);
                    }
                });
    }

    /** The event in {@code outer}, decrypted, after every check passed; otherwise the reason it is refused. */
    private JsonNode authentic(RouteRequest request, JsonNode outer) throws FeishuRefusal {
        JsonNode event = outer;
        boolean signed = false;
        if (decryptor != null) {
            String timestamp = request.header("X-Lark-Request-Timestamp");
            String nonce = request.header("X-Lark-Request-Nonce");
            String sign = request.header("X-Lark-Signature");
            if (sign != null) {
                checkWindow(timestamp);
                if (!signature.verify(sign, timestamp, nonce, request.body())) {
                    throw new FeishuRefusal("X-Lark-Signature does not match");
                }
                signed = true;
            }
            if (!outer.path("encrypt").isTextual()) {
                throw new FeishuRefusal("events must be encrypted with the configured Encrypt Key");
            }
            try {
                event = JsonBody.object(decryptor.decrypt(outer.path("encrypt").asText()), "decrypted event");
            } catch (MalformedJsonException e) {
                throw new FeishuRefusal(e.getMessage());
            }
        }
        boolean challenge = "url_verification".equals(event.path("type").asText());
        // Feishu does not sign the URL challenge (its SDKs check only the token there); every event it signs
        if (decryptor != null && !signed && !challenge) {
            throw new FeishuRefusal("missing X-Lark-Signature header");
        }
        String token = event.has("header") ? event.path("header").path("token").asText(null) : event.path("token").asText(null);
        if (!config.verificationToken().matches(token)) {
            throw new FeishuRefusal("verification token does not match");
        }
        return event;
    }

    private void checkWindow(String timestamp) throws FeishuRefusal {
        String stale = window.refusal(timestamp, "X-Lark-Request-Timestamp");
        if (stale != null) {
            throw new FeishuRefusal(stale);
        }
    }

    private void accept(FeishuMessage message) {
        pipeline.handle(message.toChatMessage(clock.instant()))
                .thenCompose(handled -> pipeline.deliver(handled, sender()))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("Feishu reply to {} in {} failed", message.messageId(), message.chatId(), failure);
                    }
                });
    }

    /**
     * A reply (the bot's answer, a maintainer's answer) goes into the thread of the message it
     * answers, telling the reply's own message_id (what a member's reaction or reply names); a
     * post that replies to nothing (an announcement) goes into the chat through the send-message
     * API, and so does a reply whose message Feishu does not know (not an {@code om_} id,
     * invalid, or withdrawn).
     */
    private CompletableFuture<Optional<String>> send(OutboundMessage message) {
        if (message.platform() != Platform.FEISHU) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Feishu connector cannot send to " + message.platform().wireName()));
        }
        String replyTo = message.replyTo().orElse(null);
        if (replyTo == null) {
            return postIntoChat(message);
        }
        if (!replyTo.startsWith("om_")) {
            log.warn("Feishu: {} is not a message id in {}; posting into the chat instead", replyTo, message.chat());
            return postIntoChat(message);
        }
        String key = message.idempotencyKey() != null ? message.idempotencyKey()
                : message.author().wireName() + ":" + replyTo + ":" + message.text().hashCode();
        return replies.replyPosted(replyTo, message.text(), key)
                .exceptionallyCompose(failure -> {
                    if (!FeishuReplies.noSuchMessage(failure)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    log.warn("Feishu knows no message {} to reply to in {}; posting into the chat instead: {}",
                            replyTo, message.chat(), failure.getMessage());
                    return postIntoChat(message);
                });
    }

    private CompletableFuture<Optional<String>> postIntoChat(OutboundMessage message) {
        String key = message.idempotencyKey() != null ? message.idempotencyKey()
                : message.author().wireName() + ":" + message.chat() + ":" + message.text().hashCode();
        return replies.send(message.chat(), message.text(), key);
    }

    private static CompletableFuture<RouteResponse> done(RouteResponse response) {
        return CompletableFuture.completedFuture(response);
    }

}
