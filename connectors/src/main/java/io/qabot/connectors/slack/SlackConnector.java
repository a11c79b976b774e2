package io.qabot.connectors.slack;

import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.SlackConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import io.qabot.core.ChatSender;
import io.qabot.core.Handled;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Events API: verify, read, acknowledge, and answer later in the asker's thread.
 *
 * <pre>
 * config.connectors().slack().map(c -&gt; new SlackConnector(c, pipeline, outbound, clock))
 * </pre>
 */
public final class SlackConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(SlackConnector.class);
    static final String PATH = "/hooks/slack";

    private final Pipeline pipeline;
    private final SlackSignature signature;
    private final SlackWebApi api;

    public SlackConnector(SlackConfig config, Pipeline pipeline, OutboundClient client, Clock clock) {
        this(config, pipeline, client, clock, ChannelPacer.Delays.REAL);
    }

    SlackConnector(SlackConfig config, Pipeline pipeline, OutboundClient client, Clock clock,
                   ChannelPacer.Delays delays) {
        Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.signature = new SlackSignature(config.signingSecret().bytes(), clock);
        this.api = new SlackWebApi(config.apiUrl(), config.botToken().value(), client,
                new ChannelPacer(clock, Duration.ofSeconds(1), delays));
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public List<Route> routes() {
        return List.of(new EventsRoute());
    }

    @Override
    public ChatSender sender() {
        return ChatSender.posting(this::send);
    }

    private CompletableFuture<Optional<String>> send(OutboundMessage message) {
        if (message.platform() != Platform.SLACK) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "slack connector cannot send to " + message.platform().wireName()));
        }
        // the thread, never inReplyTo, decides thread_ts: a post without a thread goes into the channel
        return api.postMessage(message.chat(), message.thread(), message.text());
    }

    private RouteResponse receive(RouteRequest request) {
        String refusal = signature.refusal(request.header(SlackSignature.TIMESTAMP),
                request.header(SlackSignature.SIGNATURE), request.body());
        if (refusal != null) {
            log.debug("refused slack request from {}: {}", request.remote(), refusal);
            return RouteResponse.error(401, refusal);
        }
        SlackEnvelope envelope = SlackEnvelope.read(request.body());
        if (envelope instanceof SlackEnvelope.Challenge challenge) {
            return new RouteResponse(200, "text/plain; charset=utf-8",
                    challenge.challenge().getBytes(StandardCharsets.UTF_8), Map.of());
        }
        if (envelope instanceof SlackEnvelope.Malformed malformed) {
            return RouteResponse.error(400, malformed.reason());
        }
        if (envelope instanceof SlackEnvelope.Ignored ignored) {
            log.debug("slack: ignoring {}", ignored.reason());
            // 200 all the same: anything else makes Slack deliver it again
            return RouteResponse.json(200, SlackEnvelope.JSON.createObjectNode().put("ignored", ignored.reason()));
        }
        if (envelope instanceof SlackEnvelope.Reacted reacted) {
            pipeline.react(reacted.reaction(), sender()).whenComplete((receipt, failure) -> {
                if (failure != null) {
                    log.warn("slack: could not take reaction {} in {}", reacted.reaction().eventId(),
                            reacted.reaction().chat(), failure);
                }
            });
            return RouteResponse.json(200, SlackEnvelope.JSON.createObjectNode().put("ok", true));
        }
        SlackEnvelope.Message event = (SlackEnvelope.Message) envelope;
        String retry = request.header("X-Slack-Retry-Num");
        if (retry != null) {
            log.debug("slack redelivery {} of event {} ({})", retry, event.eventId(), request.header("X-Slack-Retry-Reason"));
        }
        // acknowledged now; Slack retries anything slower than 3 s, and the pipeline can take longer
        CompletableFuture<Handled> handled = pipeline.handle(event.message());
        if (refusedAtOnce(handled)) {
            // the bot's queue is full: not acknowledged, so Slack delivers the event again later
            log.warn("slack: event {} refused, the bot is saturated; Slack will deliver it again", event.eventId());
            return RouteResponse.error(503, "busy, try again").withHeader("Retry-After", "1");
        }
        // the posted ts is what a member's reaction names; the pipeline remembers it
        handled.thenCompose(h -> pipeline.deliver(h, sender()))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("slack: could not answer event {} in {}", event.eventId(),
                                event.message().chat(), failure);
                    }
                });
        return RouteResponse.json(200, SlackEnvelope.JSON.createObjectNode().put("ok", true));
    }

    /** Whether the pipeline refused the message before it began: its queue is full. */
    private static boolean refusedAtOnce(CompletableFuture<Handled> handled) {
        if (!handled.isCompletedExceptionally()) {
            return false;
        }
        try {
            handled.getNow(null);
            return false;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() instanceof java.util.concurrent.RejectedExecutionException;
        }
    }

    private final class EventsRoute implements Route {
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
            return CompletableFuture.completedFuture(receive(request));
        }

        @Override
        public String name() {
            return "slack connector";
        }
    }
}
