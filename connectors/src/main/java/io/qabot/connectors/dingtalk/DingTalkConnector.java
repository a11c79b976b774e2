package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.DingTalkConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.ReplayWindow;
import io.qabot.connectors.time.UsedSignatures;
import io.qabot.connectors.websocket.WebSocketClient;
import io.qabot.core.ChatSender;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DingTalk app robot. In callback mode: {@code POST /hooks/dingtalk}, verified by the
 * {@code timestamp} and {@code sign} headers within an hour of now, a pair never used before
 * for another body (401 and nothing else otherwise: the sign covers the timestamp, not the
 * body), acknowledged at once, answered asynchronously. Stream mode is the safer choice: its
 * messages arrive over a connection the bot opened to DingTalk. In Stream mode: no route; the
 * connector connects out from {@link #start()}. Either way the same robot messages go the
 * same way into the pipeline, and the pipeline's de-duplication by {@code msgId} keeps a
 * redelivery from being answered twice. Maintainers' announcements go through the custom
 * robot when one is configured ({@link #announcer()}).
 */
public final class DingTalkConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(DingTalkConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/hooks/dingtalk";
    /** DingTalk's documented window for a callback's timestamp, either way. */
    static final Duration MAX_SKEW = Duration.ofHours(1);

    private final DingTalkConfig config;
    private final Pipeline pipeline;
    private final Clock clock;
    private final ReplayWindow window;
    /** The sign covers the timestamp only: a timestamp is good for one body. */
    private final UsedSignatures usedSigns;
    private final DingTalkSignature signature;
    private final DingTalkReplies replies;
    private final DingTalkStream stream;
    private final Optional<DingTalkCustomRobot> customRobot;

    public DingTalkConnector(DingTalkConfig config, Pipeline pipeline, OutboundClient client, Clock clock) {
        this(config, pipeline, client, clock, ChannelPacer.Delays.REAL);
    }

    /** @param delays how Stream mode waits before reconnecting; tests move time by hand */
    DingTalkConnector(DingTalkConfig config, Pipeline pipeline, OutboundClient client, Clock clock,
                      ChannelPacer.Delays delays) {
        this(config, pipeline, client, clock, delays, DingTalkStream.KEEP_ALIVE);
    }

    /** @param keepAlive how long the Stream connection may be silent before it pings */
    DingTalkConnector(DingTalkConfig config, Pipeline pipeline, OutboundClient client, Clock clock,
                      ChannelPacer.Delays delays, Duration keepAlive) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = ReplayWindow.millis(MAX_SKEW, clock);
        this.usedSigns = new UsedSignatures(MAX_SKEW, clock);
        Objects.requireNonNull(delays, "delays");
        this.signature = new DingTalkSignature(config.appSecret());
        this.replies = new DingTalkReplies(config, client, clock);
        this.stream = config.mode() == DingTalkConfig.Mode.STREAM
                ? new DingTalkStream(new StreamRegistration(config, client), new WebSocketClient("qabot-dingtalk", keepAlive),
                        delays, this::accept)
                : null;
        this.customRobot = DingTalkCustomRobot.of(config, client, clock);
    }

    @Override
    public Platform platform() {
        return Platform.DINGTALK;
    }

    @Override
    public List<Route> routes() {
        return config.mode() == DingTalkConfig.Mode.CALLBACK ? List.of(Route.of(HttpMethod.POST, PATH, "dingtalk connector", this::receive)) : List.of();
    }

    @Override
    public ChatSender sender() {
        return this::send;
    }

    /**
     * The custom robot when one is configured: it is made for notices, can post into the
     * maintainers' group without the app robot having been spoken to there, and does not
     * spend the app's OpenAPI quota. Otherwise the app robot, like any reply.
     */
    @Override
    public ChatSender announcer() {
        return customRobot.<ChatSender>map(robot -> robot::post).orElseGet(this::sender);
    }

    @Override
    public void start() {
        if (stream != null) {
            stream.start();
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }

    private CompletableFuture<RouteResponse> receive(RouteRequest request) {
        String refusal = refusal(request.header("timestamp"), request.header("sign"));
        if (refusal == null && !usedSigns.admit(request.header("timestamp").strip(), request.body())) {
            refusal = "timestamp and sign were already used for another message";
        }
        if (refusal != null) {
            log.debug("refused DingTalk callback from {}: {}", request.remote(), refusal);
            return done(RouteResponse.error(401, refusal));
        }
        JsonNode root;
        try {
            root = JsonBody.object(request.body());
        } catch (MalformedJsonException e) {
            return done(RouteResponse.error(400, e.getMessage()));
        }
        accept(root);
        return done(RouteResponse.json(200, JSON.createObjectNode()));
    }

    /** Why the callback is not authentic, or null when it is. */
    private String refusal(String timestamp, String sign) {
        if (timestamp == null || sign == null) {
            return "missing " + (timestamp == null ? "timestamp" : "sign") + " header";
        }
        String stale = window.refusal(timestamp, "timestamp");
        if (stale != null) {
            return stale;
        }
        return signature.verify(timestamp, sign) ? null : "sign does not match";
    }

    /** Hands an authenticated robot message to the pipeline and posts the answer when there is one. */
    void accept(JsonNode payload) {
        Optional<DingTalkRobotMessage> read;
        try {
            read = DingTalkRobotMessage.read(payload);
        } catch (WrongField wrong) {
            log.debug("DingTalk message ignored: {}", wrong.getMessage());
            return;
        }
        if (read.isEmpty()) {
            log.debug("DingTalk message ignored: not a text message the bot reads");
            return;
        }
        DingTalkRobotMessage message = read.get();
        replies.remember(message);
        pipeline.handle(message.toChatMessage(clock.instant()))
                .thenCompose(handled -> pipeline.deliver(handled, sender()))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("DingTalk reply to {} in {} failed", message.msgId(), message.conversationId(), failure);
                    }
                });
    }

    private CompletableFuture<Void> send(OutboundMessage message) {
        if (message.platform() != Platform.DINGTALK) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "DingTalk connector cannot send to " + message.platform().wireName()));
        }
        // a post (an announcement without the custom robot) mentions no one; DingTalk has no reply target either way
        return replies.post(message.chat(), message.mention().map(Sender::id).orElse(null), message.text());
    }

    private static CompletableFuture<RouteResponse> done(RouteResponse response) {
        return CompletableFuture.completedFuture(response);
    }

}
