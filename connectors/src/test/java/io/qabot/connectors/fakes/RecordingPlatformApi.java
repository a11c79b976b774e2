package io.qabot.connectors.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A platform's API on a free loopback port: records every request (method, path, query,
 * headers, body) and answers with what the test scripted for its path ({@link #on}), else
 * with what the responder says ({@link #answer}), {@code {"ok": true}} by default. The one
 * recording fake of the connector tests.
 */
public final class RecordingPlatformApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final List<Recorded> all = new ArrayList<>();
    private final Map<String, Function<Recorded, Answer>> byPath = new ConcurrentHashMap<>();
    private volatile Function<Recorded, Answer> responder = request -> Answer.json(200, "{\"ok\":true}");

    public RecordingPlatformApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::record);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI url(String pathAndQuery) {
        return URI.create(url() + pathAndQuery);
    }

    /** Answers requests whose path has no {@link #on} script. */
    public void answer(Function<Recorded, Answer> responder) {
        this.responder = responder;
    }

    /** Answers requests to {@code path} with {@code answer}. */
    public RecordingPlatformApi on(String path, Function<Recorded, Answer> answer) {
        byPath.put(path, answer);
        return this;
    }

    public RecordingPlatformApi on(String path, String json) {
        return on(path, r -> Answer.ok(json));
    }

    /** The next request the bot made, waiting up to {@link TestBot#PATIENCE} for it. */
    public Recorded next() throws InterruptedException {
        Recorded request = requests.poll(TestBot.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the bot sent nothing within " + TestBot.PATIENCE.toSeconds() + " s");
        }
        return request;
    }

    /** The next request if one comes within {@code millis}, else null: for "nothing was sent". */
    public Recorded nextWithin(long millis) throws InterruptedException {
        return requests.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next request to {@code path}, skipping others (token fetches, say); fails after {@link TestBot#PATIENCE}. */
    public Recorded next(String path) throws InterruptedException {
        long deadline = System.nanoTime() + TestBot.PATIENCE.toNanos();
        while (true) {
            Recorded request = requests.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (request == null) {
                throw new AssertionError("no request to " + path + " within " + TestBot.PATIENCE.toSeconds() + " s; saw " + paths());
            }
            if (request.path().equals(path)) {
                return request;
            }
        }
    }

    /** Every request to {@code path} so far, answered or not. */
    public List<Recorded> all(String path) {
        synchronized (all) {
            return all.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    public List<String> paths() {
        synchronized (all) {
            return all.stream().map(Recorded::path).toList();
        }
    }

    public List<Recorded> drain() {
        List<Recorded> all = new ArrayList<>();
        requests.drainTo(all);
        return all;
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        synchronized (all) {
            all.add(request);
        }
        Answer answer = byPath.getOrDefault(request.path(), responder).apply(request);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
        // recorded once answered, so a test that stops the fake after next() cuts no response short
        requests.add(request);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The decoded value of query parameter {@code name}, or null. */
        public String queryParameter(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }

        public static Answer ok(String json) {
            return json(200, json);
        }
    }
}
