package io.qabot.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.config.TelegramConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import io.qabot.core.ChatSender;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's Bot API, by webhook or long polling as configured; either way each update goes
 * through the same reading, the pipeline, and a {@code sendMessage} reply.
 *
 * <pre>
 * config.connectors().telegram().map(c -&gt; new TelegramConnector(c, pipeline, outbound, clock))
 * </pre>
 */
public final class TelegramConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(TelegramConnector.class);
    static final String PATH = "/hooks/telegram";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** About one message a second into one chat, as the Bot API FAQ asks. */
    private static final Duration CHAT_INTERVAL = Duration.ofSeconds(1);

    private final TelegramConfig config;
    private final Pipeline pipeline;
    private final TelegramBotApi api;
    private final TelegramPoller poller;
    /** getMe's answer, fetched once and again only after a failure. */
    private final AtomicReference<CompletableFuture<BotIdentity>> identity = new AtomicReference<>();

    public TelegramConnector(TelegramConfig config, Pipeline pipeline, OutboundClient client, Clock clock) {
        this(config, pipeline, client, clock, ChannelPacer.Delays.REAL, Duration.ofSeconds(30));
    }

    TelegramConnector(TelegramConfig config, Pipeline pipeline, OutboundClient client, Clock clock,
                      ChannelPacer.Delays delays, Duration longPoll) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.api = new TelegramBotApi(config.apiUrl(), config.botToken().value(), client,
                new ChannelPacer(clock, CHAT_INTERVAL, delays), clock);
        this.poller = config.mode() == TelegramConfig.Mode.POLLING
                ? new TelegramPoller(api, longPoll, this::accept) : null;
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public List<Route> routes() {
        return config.mode() == TelegramConfig.Mode.WEBHOOK && config.secretToken().isPresent()
                ? List.of(new WebhookRoute(config.secretToken().get())) : List.of();
    }

    @Override
    public ChatSender sender() {
        return ChatSender.posting(this::send);
    }

    @Override
    public void start() {
        identity();
        if (poller != null) {
            poller.start();
            log.info("telegram: long polling {}", config.apiUrl().getHost());
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.stop();
        }
    }

    // the posted message_id is what a member's reaction or reply names
    private CompletableFuture<Optional<String>> send(OutboundMessage message) {
        if (message.platform() != Platform.TELEGRAM) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "telegram connector cannot send to " + message.platform().wireName()));
        }
        // a post (an announcement) replies to nothing: sendMessage without reply_parameters
        return api.postMessage(message.chat(), message.thread(), message.replyTo().orElse(null), message.text());
    }

    private CompletableFuture<BotIdentity> identity() {
        CompletableFuture<BotIdentity> known = identity.get();
        if (known != null && !known.isCompletedExceptionally()) {
            return known;
        }
        CompletableFuture<BotIdentity> fresh = new CompletableFuture<>();
        if (!identity.compareAndSet(known, fresh)) {
            return identity.get();
        }
        api.getMe().whenComplete((me, failure) -> {
            if (failure != null) {
                log.warn("telegram getMe failed; mentions cannot be recognised until it succeeds: {}",
                        failure.getMessage());
                fresh.completeExceptionally(failure);
            } else {
                log.info("telegram: bot is @{}", me.username());
                fresh.complete(me);
            }
        });
        return fresh;
    }

    /** One update from either transport. */
    private void accept(JsonNode update) {
        identity().thenCompose(bot -> {
            TelegramUpdate read = TelegramUpdate.read(update, bot);
            if (read instanceof TelegramUpdate.Ignored ignored) {
                log.debug("telegram: ignoring update {}: {}", ignored.updateId(), ignored.reason());
                return CompletableFuture.completedFuture(null);
            }
            if (read instanceof TelegramUpdate.Reacted reacted) {
                return pipeline.react(reacted.reaction(), sender()).thenApply(receipt -> null);
            }
            TelegramUpdate.Message message = (TelegramUpdate.Message) read;
            return pipeline.handle(message.message()).thenCompose(handled -> pipeline.deliver(handled, sender()));
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("telegram: could not answer update {}", update.path("update_id").asText(), failure);
            }
        });
    }

    private RouteResponse receive(RouteRequest request, Secret secretToken) {
        if (!secretToken.matches(request.header(SECRET_HEADER))) {
            log.debug("refused telegram request from {}: bad or missing {}", request.remote(), SECRET_HEADER);
            return RouteResponse.error(401, "bad or missing " + SECRET_HEADER);
        }
        JsonNode update;
        try {
            update = JsonBody.object(request.body());
        } catch (MalformedJsonException e) {
            return RouteResponse.error(400, e.getMessage());
        }
        if (!update.has("update_id")) {
            return RouteResponse.error(400, "body is not a Telegram update (no update_id)");
        }
        // acknowledged now; a slow or failed answer would only make Telegram send the update again
        accept(update);
        return RouteResponse.json(200, TelegramBotApi.JSON.createObjectNode().put("ok", true));
    }

    private final class WebhookRoute implements Route {
        private final Secret secretToken;

        WebhookRoute(Secret secretToken) {
            this.secretToken = secretToken;
        }

        @Override
        public HttpMethod method() {
            return HttpMethod.POST;
        }

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public CompletableFuture<RouteResponse> handle(RouteRequest request) {
            return CompletableFuture.completedFuture(receive(request, secretToken));
        }

        @Override
        public String name() {
            return "telegram connector";
        }
    }
}
