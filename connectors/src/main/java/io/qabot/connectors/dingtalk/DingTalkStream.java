package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.connectors.pacing.ChannelPacer;
import io.qabot.connectors.websocket.WebSocketClient;
import io.qabot.connectors.websocket.WebSocketConnection;
import io.qabot.connectors.websocket.WebSocketListener;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream mode: robot messages come down a WebSocket the bot opens, so no public URL is needed.
 *
 * <ol>
 *   <li>{@link StreamRegistration} gets an endpoint and a single-use ticket;</li>
 *   <li>the connection opens with the ticket; every frame is ACKed with its {@code messageId}
 *       at once (pings echo their data), before any work, since DingTalk redelivers what is
 *       not ACKed;</li>
 *   <li>a robot message (CALLBACK {@code /v1.0/im/bot/messages/get}) goes to the connector as
 *       a callback would; replies go out over HTTP, never over the socket;</li>
 *   <li>a {@code disconnect} system frame means DingTalk is recycling the connection: a new
 *       one is opened at once with a fresh ticket, and the old one is left to deliver what it
 *       still has until DingTalk closes it (as the Java SDK does);</li>
 *   <li>a connection silent for {@link #KEEP_ALIVE} is pinged, and dropped as dead when the
 *       ping gets no answer either (the SDKs keep the connection alive the same way);</li>
 *   <li>a dropped connection, or a failed registration, is retried with a fresh ticket after
 *       a backoff that doubles from {@link #FIRST_BACKOFF} to {@link #LAST_BACKOFF} and starts
 *       over once a connection opens.</li>
 * </ol>
 *
 * Waiting goes through {@link ChannelPacer.Delays} so tests move time by hand.
 */
final class DingTalkStream {
    private static final Logger log = LoggerFactory.getLogger(DingTalkStream.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration LAST_BACKOFF = Duration.ofMinutes(1);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    /** The ACK data the Java SDK sends for a handled callback: an empty response. */
    private static final String HANDLED = "{\"response\":{}}";

    private final StreamRegistration registration;
    private final WebSocketClient websocket;
    private final ChannelPacer.Delays delays;
    private final Consumer<JsonNode> robotMessages;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();

    private volatile boolean stopped;
    private Duration backoff = FIRST_BACKOFF;

    DingTalkStream(StreamRegistration registration, WebSocketClient websocket, ChannelPacer.Delays delays,
                   Consumer<JsonNode> robotMessages) {
        this.registration = registration;
        this.websocket = websocket;
        this.delays = delays;
        this.robotMessages = robotMessages;
    }

    void start() {
        connect();
    }

    /** Closes every connection; nothing reconnects afterwards, a pending retry included. */
    void close() {
        stopped = true;
        for (Link link : links) {
            link.close();
        }
        websocket.close();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        registration.open().whenComplete((ticket, failure) -> {
            if (failure != null) {
                retryLater("registration failed: " + rootCause(failure));
                return;
            }
            if (stopped) {
                return;
            }
            Link link = new Link();
            links.add(link);
            log.info("dingtalk stream: connecting to {}", ticket.endpoint().getHost());
            try {
                websocket.connect(ticket.connectUri(), link);
            } catch (RuntimeException e) {
                links.remove(link);
                retryLater("cannot connect to " + ticket.endpoint() + ": " + e.getMessage());
            }
        });
    }

    private void retryLater(String why) {
        if (stopped) {
            return;
        }
        Duration wait;
        synchronized (this) {
            wait = backoff;
            backoff = backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff.multipliedBy(2);
        }
        log.warn("dingtalk stream: {}; connecting again in {}", why, wait);
        delays.after(wait).thenRun(this::connect);
    }

    private synchronized void connected() {
        backoff = FIRST_BACKOFF;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** One connection; its listener calls come on the WebSocket client's event loop, one at a time. */
    private final class Link implements WebSocketListener {
        private volatile WebSocketConnection connection;
        /** Set once DingTalk announced this connection's end and a new one was asked for. */
        private boolean superseded;

        @Override
        public void opened(WebSocketConnection opened) {
            connection = opened;
            if (stopped) {
                opened.close(1000, "qabot stopping");
                return;
            }
            connected();
            log.info("dingtalk stream: connected");
        }

        @Override
        public void text(WebSocketConnection from, String text) {
            Optional<StreamFrame> parsed = StreamFrame.parse(text);
            if (parsed.isEmpty() || parsed.get().messageId().isBlank()) {
                // without a messageId there is nothing to ACK with; DingTalk will redeliver if it cares
                log.warn("dingtalk stream: dropped a frame that is not a DingTalk frame with a messageId");
                return;
            }
            StreamFrame frame = parsed.get();
            if (frame.type().equals(StreamFrame.SYSTEM)) {
                system(from, frame);
            } else if (frame.is(StreamFrame.CALLBACK, StreamFrame.ROBOT_MESSAGES)) {
                robotMessage(from, frame);
            } else {
                // only the robot topic is subscribed; the SDKs answer a topic without a handler with 404
                log.debug("dingtalk stream: no handler for {} {}", frame.type(), frame.topic());
                from.send(frame.ack(404, "no handler for " + frame.type() + " " + frame.topic(), "{}"));
            }
        }

        private void system(WebSocketConnection from, StreamFrame frame) {
            from.send(frame.ack(200, "OK", frame.data().isBlank() ? "{}" : frame.data()));
            if (frame.topic().equals(StreamFrame.DISCONNECT) && !superseded) {
                superseded = true;
                log.info("dingtalk stream: DingTalk is recycling the connection ({}); opening a new one",
                        frame.dataJson().map(d -> d.path("reason").asText("no reason")).orElse("no reason"));
                connect();
            }
        }

        private void robotMessage(WebSocketConnection from, StreamFrame frame) {
            Optional<JsonNode> message = frame.dataJson();
            if (message.isEmpty()) {
                from.send(frame.ack(400, "data is not a JSON object", "{}"));
                return;
            }
            from.send(frame.ack(200, "OK", HANDLED));
            try {
                robotMessages.accept(message.get());
            } catch (RuntimeException e) {
                log.warn("dingtalk stream: robot message {} could not be handled", frame.messageId(), e);
            }
        }

        @Override
        public void closed(int code, String reason, Throwable cause) {
            links.remove(this);
            if (stopped || superseded) {
                return;
            }
            retryLater("connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason)
                    + (cause == null ? "" : ", " + cause) + ")");
        }

        void close() {
            WebSocketConnection open = connection;
            if (open != null) {
                open.close(1000, "qabot stopping");
            }
        }
    }
}
