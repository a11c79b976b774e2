package io.qabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat bridge on loopback that receives the generic webhook's later replies. It records
 * every request it sees; in {@link Mode#HOLD} it keeps requests waiting without an answer,
 * the way a slow or stuck platform would, and only {@link Mode#ACCEPT}ed ones count as delivered.
 */
public final class CallbackReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Mode { ACCEPT, HOLD }

    /**
     * One callback: its idempotency key, body, the id the bridge answered with for the posted
     * message, and whether its {@code X-Qabot-Signature} is the HMAC of its timestamp and body
     * under {@link BotFixture#SECRET}.
     */
    public record Callback(String key, JsonNode body, String postedId, boolean signed) {
        public String chat() {
            return body.path("chat").asText();
        }

        public String user() {
            return body.path("user").path("id").asText();
        }

        public String text() {
            return body.path("text").asText();
        }
    }

    private final HttpServer server;
    private final List<Callback> seen = new ArrayList<>();
    private final List<Callback> accepted = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger posts = new AtomicInteger();
    private volatile Mode mode;

    public CallbackReceiver(Mode mode) throws IOException {
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public synchronized List<Callback> seen() {
        return List.copyOf(seen);
    }

    public synchronized List<Callback> accepted() {
        return List.copyOf(accepted);
    }

    /** Accepted callbacks into {@code chat}. */
    public synchronized List<Callback> acceptedIn(String chat) {
        return accepted.stream().filter(c -> c.chat().equals(chat)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // like a chat platform, the bridge tells the id of the message it posted
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst("X-Qabot-Timestamp");
        boolean signed = timestamp != null && ("sha256=" + WebhookClient.hmac(BotFixture.SECRET, timestamp, raw))
                .equals(exchange.getRequestHeaders().getFirst("X-Qabot-Signature"));
        Callback callback = new Callback(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                JSON.readTree(new String(raw, StandardCharsets.UTF_8)), "post-" + posts.incrementAndGet(), signed);
        synchronized (this) {
            seen.add(callback);
        }
        if (mode == Mode.HOLD) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close(); // never answered: not delivered
            return;
        }
        synchronized (this) {
            accepted.add(callback);
        }
        byte[] answer = JSON.createObjectNode().put("id", callback.postedId()).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
