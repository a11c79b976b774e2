package io.qabot.connectors.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries against a local fake platform; delays are recorded, not spent. */
class OutboundClientTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final OutboundOptions OPTIONS = new OutboundOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    /** Each request takes the next scripted answer: {status, Retry-After or null}. */
    private final Deque<String[]> script = new ArrayDeque<>();
    private final List<Duration> waited = new ArrayList<>();
    private final HttpServer platform;
    private int requests;

    OutboundClientTest() throws Exception {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/api/chat.postMessage", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String[] answer;
            synchronized (this) {
                requests++;
                answer = script.isEmpty() ? new String[] {"200", null} : script.removeFirst();
            }
            if (answer[1] != null) {
                exchange.getResponseHeaders().add("Retry-After", answer[1]);
            }
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), -1);
            exchange.close();
        });
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.stop(0);
    }

    private OutboundClient client() {
        return new OutboundClient(OPTIONS, HttpClient.newHttpClient(), CLOCK, () -> 1.0, delay -> {
            synchronized (waited) {
                waited.add(delay);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private HttpResponse<byte[]> post(OutboundClient client, int port) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/chat.postMessage");
        return client.send(client.request(uri).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build())
                .get(10, TimeUnit.SECONDS);
    }

    private int port() {
        return platform.getAddress().getPort();
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() throws Exception {
        script.add(new String[] {"429", "7"});

        HttpResponse<byte[]> response = post(client(), port());

        assertEquals(200, response.statusCode());
        assertEquals(List.of(Duration.ofSeconds(7)), waited);
        assertEquals(2, requests);
    }

    @Test
    void understandsRetryAfterAsAnHttpDate() throws Exception {
        script.add(new String[] {"503", "Sat, 21 Nov 2026 10:00:30 GMT"});

        post(client(), port());

        assertEquals(List.of(Duration.ofSeconds(30)), waited);
    }

    @Test
    void backsOffExponentiallyAndGivesUpAfterMaxAttemptsWithTheLastResponse() throws Exception {
        for (int i = 0; i < 5; i++) {
            script.add(new String[] {"503", null});
        }

        HttpResponse<byte[]> response = post(client(), port());

        assertEquals(503, response.statusCode());
        assertEquals(3, requests);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), waited);
    }

    @Test
    void doesNotWaitForARetryAfterLongerThanItsLimit() throws Exception {
        script.add(new String[] {"429", "3600"});

        HttpResponse<byte[]> response = post(client(), port());

        assertEquals(429, response.statusCode());
        assertEquals(List.of(), waited);
    }

    @Test
    void doesNotRetryAClientError() throws Exception {
        script.add(new String[] {"400", null});

        assertEquals(400, post(client(), port()).statusCode());
        assertEquals(1, requests);
    }

    @Test
    void retriesARefusedConnectionThenFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ExecutionException e = assertThrows(ExecutionException.class, () -> post(client(), closedPort));

        assertInstanceOf(ConnectException.class, e.getCause());
        assertEquals(2, waited.size(), "three attempts, two waits");
    }
}
