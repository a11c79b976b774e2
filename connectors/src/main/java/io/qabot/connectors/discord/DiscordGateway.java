package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.ScheduledFuture;
import io.qabot.connectors.websocket.WebSocketClient;
import io.qabot.connectors.websocket.WebSocketConnection;
import io.qabot.connectors.websocket.WebSocketListener;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gateway session, kept alive across connections:
 *
 * <ol>
 *   <li>Hello (op 10) starts the heartbeat: the first after a random part of the interval,
 *       as Discord asks, then every interval, each carrying the last sequence number;</li>
 *   <li>Identify (op 2) with the token and intents, or Resume (op 6) with the session id and
 *       sequence when a session exists, to the {@code resume_gateway_url} READY gave;</li>
 *   <li>Dispatches (op 0) go to the listener; a heartbeat request (op 1) is answered at once;</li>
 *   <li>Reconnect (op 7), a missed heartbeat ACK, or a dropped connection: reconnect and
 *       resume; Invalid Session (op 9) resumes when {@code d} is true and identifies afresh
 *       otherwise. Close codes that mean the configuration is wrong (bad token, intents not
 *       allowed) stop it, loudly.</li>
 * </ol>
 *
 * All state is touched on the WebSocket client's one event loop.
 */
final class DiscordGateway implements WebSocketListener {
    private static final Logger log = LoggerFactory.getLogger(DiscordGateway.class);
    /** GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS | MESSAGE_CONTENT: every guild message, with its text, and 👎 on answers. */
    static final int INTENTS = (1 << 9) | (1 << 10) | (1 << 15);
    private static final Set<Integer> FATAL = Set.of(4004, 4010, 4011, 4012, 4013, 4014);
    /** Close codes after which the session cannot be resumed. */
    private static final Set<Integer> SESSION_LOST = Set.of(4007, 4009);
    /** Closing with a code other than 1000/1001 keeps the session resumable. */
    private static final int CLOSE_TO_RESUME = 4000;
    private static final Duration LAST_BACKOFF = Duration.ofMinutes(1);

    private final WebSocketClient client;
    private final URI gatewayUrl;
    private final String token;
    private final Duration firstBackoff;
    /** (event name, data) for each dispatch. */
    private final BiConsumer<String, JsonNode> dispatches;

    private volatile boolean stopped;
    private WebSocketConnection connection;
    private ScheduledFuture<?> heartbeat;
    private boolean acked = true;
    private Long sequence;
    private String sessionId;
    private URI resumeUrl;
    private volatile String botUserId;
    private Duration backoff;

    DiscordGateway(WebSocketClient client, URI gatewayUrl, String token, Duration firstBackoff,
                   BiConsumer<String, JsonNode> dispatches) {
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.token = token;
        this.firstBackoff = firstBackoff;
        this.backoff = firstBackoff;
        this.dispatches = dispatches;
    }

    void start() {
        connect(gatewayUrl);
    }

    void stop() {
        stopped = true;
        client.later(() -> {
            if (connection != null) {
                connection.close(1000, "qabot stopping");
            }
        }, 0);
    }

    /** The bot's own user id, from READY; null until then. */
    String botUserId() {
        return botUserId;
    }

    private void connect(URI base) {
        if (stopped) {
            return;
        }
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/?v=10&encoding=json");
        log.info("discord: connecting to the gateway {}", uri.getHost());
        client.connect(uri, this);
    }

    @Override
    public void opened(WebSocketConnection opened) {
        connection = opened;
        acked = true;
    }

    @Override
    public void text(WebSocketConnection from, String text) {
        JsonNode payload;
        try {
            payload = DiscordRestApi.JSON.readTree(text);
        } catch (IOException e) {
            log.warn("discord: gateway sent something other than JSON; ignored");
            return;
        }
        if (payload.hasNonNull("s")) {
            sequence = payload.get("s").asLong();
        }
        switch (payload.path("op").asInt(-1)) {
            case 10 -> hello(from, payload.path("d").path("heartbeat_interval").asLong(41_250));
            case 11 -> acked = true;
            case 1 -> sendHeartbeat(from);
            case 0 -> dispatch(payload.path("t").asText(""), payload.path("d"));
            case 7 -> {
                log.info("discord: gateway asked for a reconnect");
                from.close(CLOSE_TO_RESUME, "reconnect requested");
            }
            case 9 -> {
                boolean resumable = payload.path("d").asBoolean(false);
                log.info("discord: invalid session ({})", resumable ? "resumable" : "identifying afresh");
                if (!resumable) {
                    forgetSession();
                }
                from.close(CLOSE_TO_RESUME, "invalid session");
            }
            default -> { }
        }
    }

    private void hello(WebSocketConnection from, long intervalMillis) {
        Duration interval = Duration.ofMillis(Math.max(1, intervalMillis));
        cancelHeartbeat();
        // the first beat at a random point of the interval, so many clients do not beat together
        Duration first = Duration.ofMillis((long) (interval.toMillis() * ThreadLocalRandom.current().nextDouble()));
        heartbeat = from.schedule(() -> beat(from, interval), first);
        if (sessionId != null) {
            ObjectNode resume = DiscordRestApi.JSON.createObjectNode().put("op", 6);
            resume.putObject("d").put("token", token).put("session_id", sessionId).put("seq", sequence);
            from.send(resume.toString());
        } else {
            ObjectNode identify = DiscordRestApi.JSON.createObjectNode().put("op", 2);
            ObjectNode d = identify.putObject("d").put("token", token).put("intents", INTENTS);
            d.putObject("properties").put("os", System.getProperty("os.name", "linux").toLowerCase(java.util.Locale.ROOT))
                    .put("browser", "qabot").put("device", "qabot");
            from.send(identify.toString());
        }
    }

    private void beat(WebSocketConnection from, Duration interval) {
        if (!acked) {
            // no ACK since the last beat: the connection is a zombie; resume on a new one
            log.warn("discord: no heartbeat ACK; reconnecting");
            from.close(CLOSE_TO_RESUME, "heartbeat not acknowledged");
            return;
        }
        sendHeartbeat(from);
        heartbeat = from.schedule(() -> beat(from, interval), interval);
    }

    private void sendHeartbeat(WebSocketConnection from) {
        acked = false;
        ObjectNode beat = DiscordRestApi.JSON.createObjectNode().put("op", 1);
        if (sequence == null) {
            beat.putNull("d");
        } else {
            beat.put("d", sequence);
        }
        from.send(beat.toString());
    }

    private void dispatch(String event, JsonNode d) {
        if (event.equals("READY")) {
            sessionId = d.path("session_id").asText(null);
            String resume = d.path("resume_gateway_url").asText(null);
            resumeUrl = resume == null ? null : URI.create(resume);
            botUserId = d.path("user").path("id").asText(null);
            backoff = firstBackoff;
            log.info("discord: ready as {} ({})", d.path("user").path("username").asText("?"), botUserId);
        } else if (event.equals("RESUMED")) {
            backoff = firstBackoff;
            log.info("discord: session resumed");
        }
        try {
            dispatches.accept(event, d);
        } catch (RuntimeException e) {
            log.warn("discord: {} could not be handled", event, e);
        }
    }

    @Override
    public void closed(int code, String reason, Throwable cause) {
        cancelHeartbeat();
        connection = null;
        if (stopped) {
            return;
        }
        if (FATAL.contains(code)) {
            log.error("discord: the gateway closed with {} ({}); check the bot token and the intents "
                    + "enabled for the application. Not reconnecting.", code, reason);
            return;
        }
        if (SESSION_LOST.contains(code)) {
            forgetSession();
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff.multipliedBy(2);
        log.warn("discord: gateway connection closed ({} {}{}); reconnecting in {}", code, reason,
                cause == null ? "" : ", " + cause, wait);
        URI next = sessionId != null && resumeUrl != null ? resumeUrl : gatewayUrl;
        client.later(() -> connect(next), wait.toMillis());
    }

    private void forgetSession() {
        sessionId = null;
        resumeUrl = null;
        sequence = null;
    }

    private void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }
}
