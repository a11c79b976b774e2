package io.qabot.connectors.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.qabot.core.Platform;
import io.qabot.core.Telemetry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final List<String> upgrades = new ArrayList<>();
    private final HttpServer platform;
    private int requests;

    OutboundClientTest() throws Exception {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/api/chat.postMessage", exchange -> {
            exchange.getRequestBody().readAllBytes();
            synchronized (upgrades) {
                upgrades.add(String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade")));
            }
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
        return client(OPTIONS, Telemetry.NONE);
    }

    private OutboundClient client(OutboundOptions options, Telemetry telemetry) {
        return new OutboundClient(options, HttpClient.newHttpClient(), CLOCK, () -> 1.0, delay -> {
            synchronized (waited) {
                waited.add(delay);
            }
            return CompletableFuture.completedFuture(null);
        }, telemetry);
    }

    private HttpResponse<byte[]> post(OutboundClient client, int port) throws Exception {
        return send(client, port).get(10, TimeUnit.SECONDS);
    }

    private static CompletableFuture<HttpResponse<byte[]>> send(OutboundClient client, int port) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/chat.postMessage");
        return client.send(client.request(uri).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private int port() {
        return platform.getAddress().getPort();
    }

    @Test
    void plainHttpGoesAsHttp11WithoutAnH2cUpgrade() throws Exception {
        assertEquals(200, post(client(), port()).statusCode());

        assertEquals(List.of("null"), upgrades, "no Upgrade: h2c header");
    }

    @Test
    void buildsTheJdkClientAtTheFirstSendOnceForEveryPlatform() throws Exception {
        AtomicInteger built = new AtomicInteger();
        OutboundClient client = new OutboundClient(OPTIONS, new OutboundClient.AtFirstSend(() -> {
            built.incrementAndGet();
            return HttpClient.newHttpClient();
        }), CLOCK, () -> 1.0, delay -> CompletableFuture.completedFuture(null), Telemetry.NONE);
        OutboundClient slack = client.forPlatform(Platform.SLACK);
        OutboundClient telegram = client.forPlatform(Platform.TELEGRAM);
        assertEquals(0, built.get(), "a start that posts nothing loads no TLS");

        assertEquals(200, post(slack, port()).statusCode());
        assertEquals(200, post(telegram, port()).statusCode());

        assertEquals(1, built.get(), "one client, its connection pool shared by the platforms");
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

    @Test
    void retriesA500OnlyWhenItSaysWhenToRetry() throws Exception {
        script.add(new String[] {"500", null});
        assertEquals(500, post(client(), port()).statusCode());
        assertEquals(1, requests, "a bare 500 may have posted the message: not sent twice");

        script.add(new String[] {"500", "2"});
        assertEquals(200, post(client(), port()).statusCode());
        assertEquals(3, requests);
        assertEquals(List.of(Duration.ofSeconds(2)), waited);
    }

    @Test
    void aPlatformSlowerThanTheRequestTimeoutFailsTheSendWithoutPostingTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.createContext("/", exchange -> {
            seen.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS); // a platform taking its time, far past the client's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        slow.start();
        try {
            OutboundOptions shortTimeout = OPTIONS.withRequestTimeout(Duration.ofMillis(300));

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> post(client(shortTimeout, Telemetry.NONE), slow.getAddress().getPort()));

            assertInstanceOf(HttpTimeoutException.class, e.getCause());
            assertEquals(1, seen.get(), "the platform may have posted it: not retried");
            assertEquals(List.of(), waited);
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void aConnectionClosedBeforeAnyResponseIsRetriedWithBackoff() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread platform = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        readHead(socket.getInputStream());
                        if (connections.incrementAndGet() > 2) { // the first two are cut off without a word
                            OutputStream out = socket.getOutputStream();
                            out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "closing-platform");
            platform.setDaemon(true);
            platform.start();

            HttpResponse<byte[]> response = post(client(), server.getLocalPort());

            assertEquals(200, response.statusCode());
            assertEquals(3, connections.get());
            assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), waited);
        }
    }

    @Test
    void sendsWaitingForTheirChannelsPaceCountAgainstTheBoundWhileTheyWait() throws Exception {
        List<Platform> dropped = new ArrayList<>();
        Telemetry telemetry = new Telemetry() {
            @Override
            public synchronized void outboundDropped(Platform platform) {
                dropped.add(platform);
            }
        };
        OutboundClient slack = client(OPTIONS.withMaxPending(2), telemetry).forPlatform(Platform.SLACK);
        URI uri = URI.create("http://127.0.0.1:" + port() + "/api/chat.postMessage");
        CompletableFuture<Void> paced = new CompletableFuture<>(); // the channel's turn, not yet come
        List<CompletableFuture<HttpResponse<byte[]>>> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiting.add(slack.send(slack.request(uri).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), send -> paced.thenCompose(ready -> send.get())));
        }
        assertEquals(2, slack.pending(), "two waiting for their turn are under way");

        ExecutionException e = assertThrows(ExecutionException.class, () -> send(slack, port()).get(1, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
        assertEquals(List.of(Platform.SLACK), dropped);
        assertEquals(0, requests, "nothing sent while they wait");

        paced.complete(null);
        for (CompletableFuture<HttpResponse<byte[]>> post : waiting) {
            assertEquals(200, post.get(10, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(0, slack.pending());
    }

    @Test
    void aPlatformThatHangsFillsOnlyItsOwnBoundAndThePostsPastItAreDroppedAndCounted() throws Exception {
        Semaphore arrived = new Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.setExecutor(Executors.newCachedThreadPool());
        hanging.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.release();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hanging.start();
        List<Platform> dropped = new ArrayList<>();
        Telemetry telemetry = new Telemetry() {
            @Override
            public synchronized void outboundDropped(Platform platform) {
                dropped.add(platform);
            }
        };
        try {
            OutboundClient shared = client(OPTIONS.withMaxPending(3), telemetry);
            OutboundClient slack = shared.forPlatform(Platform.SLACK);
            OutboundClient telegram = shared.forPlatform(Platform.TELEGRAM);
            List<CompletableFuture<HttpResponse<byte[]>>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(send(slack, hanging.getAddress().getPort()));
            }
            assertTrue(arrived.tryAcquire(3, 10, TimeUnit.SECONDS), "three posts on the wire");

            for (int i = 0; i < 2; i++) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> send(slack, hanging.getAddress().getPort()).get(1, TimeUnit.SECONDS),
                        "past the bound a post fails at once instead of waiting in line");
                assertInstanceOf(RejectedExecutionException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("slack: 3 posts already under way"), e.getCause().getMessage());
            }
            assertEquals(List.of(Platform.SLACK, Platform.SLACK), dropped);
            assertEquals(3, slack.pending());
            assertEquals(200, post(telegram, port()).statusCode(), "another platform's posts are not held up");
            assertEquals(1, requests);

            release.countDown();
            for (CompletableFuture<HttpResponse<byte[]>> post : held) {
                assertEquals(200, post.get(10, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(0, slack.pending(), "every finished send gives its place back");
            assertEquals(200, post(slack, port()).statusCode());
        } finally {
            release.countDown();
            hanging.stop(0);
        }
    }

    private static void readHead(InputStream in) throws java.io.IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
