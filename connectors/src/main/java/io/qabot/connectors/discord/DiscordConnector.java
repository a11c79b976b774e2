package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.DiscordConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import io.qabot.connectors.websocket.WebSocketClient;
import io.qabot.core.ChatSender;
import io.qabot.core.Reaction;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord: the Gateway for channel messages, {@code POST /hooks/discord} for {@code /ask}
 * (only when the public key is configured), REST for the replies.
 *
 * <pre>
 * config.connectors().discord().map(c -&gt; new DiscordConnector(c, pipeline, outbound, clock))
 * </pre>
 */
public final class DiscordConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(DiscordConnector.class);
    static final String PATH = "/hooks/discord";

    private final Pipeline pipeline;
    private final DiscordRestApi api;
    private final DiscordInteractions interactions;
    private final WebSocketClient websocket = new WebSocketClient("qabot-discord");
    private final DiscordGateway gateway;
    private final Clock clock;

    public DiscordConnector(DiscordConfig config, Pipeline pipeline, OutboundClient client, Clock clock) {
        this(config, pipeline, client, clock, Duration.ofSeconds(1), ChannelPacer.Delays.REAL);
    }

    DiscordConnector(DiscordConfig config, Pipeline pipeline, OutboundClient client, Clock clock, Duration firstBackoff,
                     ChannelPacer.Delays delays) {
        Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        // no fixed spacing: Discord says in its headers how much room each channel has left
        this.api = new DiscordRestApi(config.apiUrl(), config.botToken().value(), client,
                new ChannelPacer(clock, Duration.ZERO, delays), clock);
        this.interactions = config.publicKey()
                .map(key -> new DiscordInteractions(new DiscordSignature(key, clock), pipeline, api, clock))
                .orElse(null);
        this.gateway = new DiscordGateway(websocket, config.gatewayUrl(), config.botToken().value(), firstBackoff,
                this::dispatch);
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public List<Route> routes() {
        return interactions == null ? List.of() : List.of(new InteractionsRoute());
    }

    @Override
    public ChatSender sender() {
        return ChatSender.posting(this::send);
    }

    @Override
    public void start() {
        gateway.start();
    }

    @Override
    public void close() {
        gateway.stop();
        websocket.close();
    }

    // the created message's id is what a member's reaction or reply names
    private CompletableFuture<Optional<String>> send(OutboundMessage message) {
        if (message.platform() != Platform.DISCORD) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "discord connector cannot send to " + message.platform().wireName()));
        }
        if (message.addressee() == null) {
            // a post (an announcement): no message_reference, and no one may be pinged
            return api.post(message.chat(), message.replyTo().orElse(null), null, message.text());
        }
        String text = DiscordMention.addressed(message.text(), message.addressee().name(), message.addressee().id());
        return api.post(message.chat(), message.replyTo().orElse(null), message.addressee().id(), text);
    }

    /** What the Gateway dispatches; package-private for the fuzz target, which calls it directly. */
    void dispatch(String event, JsonNode d) {
        if (event.equals("MESSAGE_REACTION_ADD")) {
            react(d);
            return;
        }
        if (!event.equals("MESSAGE_CREATE")) {
            return;
        }
        DiscordMessage read = DiscordMessage.read(d, gateway.botUserId());
        if (read instanceof DiscordMessage.Ignored ignored) {
            log.debug("discord: ignoring message: {}", ignored.reason());
            return;
        }
        var message = ((DiscordMessage.Message) read).message();
        pipeline.handle(message).thenCompose(handled -> pipeline.deliver(handled, sender())).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("discord: could not answer message {} in {}", message.messageId(), message.chat(), failure);
            }
        });
    }

    /** A member's 👎 or 👍 on one of the bot's answers is a flag; see {@link DiscordReaction}. */
    private void react(JsonNode d) {
        DiscordReaction read = DiscordReaction.read(d, gateway.botUserId(), clock.instant());
        if (read instanceof DiscordReaction.Ignored ignored) {
            log.debug("discord: ignoring a reaction: {}", ignored.reason());
            return;
        }
        Reaction reaction = ((DiscordReaction.Reacted) read).reaction();
        pipeline.react(reaction, sender()).whenComplete((receipt, failure) -> {
            if (failure != null) {
                log.warn("discord: could not take a reaction on {} in {}", reaction.postId(), reaction.chat(), failure);
            }
        });
    }

    private final class InteractionsRoute implements Route {
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
            return CompletableFuture.completedFuture(interactions.receive(request));
        }

        @Override
        public String name() {
            return "discord interactions";
        }
    }
}
