package io.qabot.connectors.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local fake of a platform's HTTP API: a real server on loopback that answers each path
 * with a scripted response (200 {@code {}} unless told otherwise) and records every request,
 * so a test can assert what the bot sent, with which credentials, to which thread.
 */
public final class RecordingApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the platform would have received it. */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A scripted answer. */
    public record Response(int status, String body) {
        public static Response ok(String json) {
            return new Response(200, json);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final List<Request> all = new ArrayList<>();
    private final Map<String, Function<Request, Response>> answers = new ConcurrentHashMap<>();

    public RecordingApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            Request request = new Request(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()), headers,
                    exchange.getRequestBody().readAllBytes());
            synchronized (all) {
                all.add(request);
            }
            Response response = answers.getOrDefault(uri.getPath(), r -> Response.ok("{}")).apply(request);
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
            received.add(request);
        });
        server.start();
    }

    /** Answers requests to {@code path} with {@code answer}. */
    public RecordingApi on(String path, Function<Request, Response> answer) {
        answers.put(path, answer);
        return this;
    }

    public RecordingApi on(String path, String json) {
        return on(path, r -> Response.ok(json));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI uri(String pathAndQuery) {
        return URI.create(uri() + pathAndQuery);
    }

    /** The next request to {@code path}, skipping others (token fetches, say); fails after a timeout. */
    public Request next(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Request request = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (request == null) {
                throw new AssertionError("no request to " + path + " within 10 s; saw " + paths());
            }
            if (request.path().equals(path)) {
                return request;
            }
        }
    }

    /** Every request to {@code path} so far. */
    public List<Request> all(String path) {
        synchronized (all) {
            return all.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    public List<String> paths() {
        synchronized (all) {
            return all.stream().map(Request::path).toList();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
