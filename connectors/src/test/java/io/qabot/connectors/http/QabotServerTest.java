package io.qabot.connectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.knowledge.Match;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's health routes and its behaviour as an HTTP server, on a real loopback socket. */
class QabotServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportsHealthAlwaysAndReadinessOnlyWhenReady() throws Exception {
        try (ServerFixture fixture = ServerFixture.start()) {
            fixture.ready.set(false);
            assertEquals(200, fixture.get("/healthz").statusCode());
            assertEquals(503, fixture.get("/readyz").statusCode());

            fixture.ready.set(true);
            assertEquals(200, fixture.get("/readyz").statusCode());
        }
    }

    @Test
    void servesTheRoutesItIsGivenAndNoFeatureOfItsOwn() throws Exception {
        try (ServerFixture fixture = ServerFixture.start()) {
            HttpResponse<String> ask = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/v1/ask"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"raft 能跨机房部署吗\"}")).build());

            assertEquals(404, ask.statusCode(), "the ask route is the admin module's, added by whoever builds the routes");
            assertEquals(200, fixture.send(HttpRequest.newBuilder(fixture.uri(MatchRoute.PATH))
                    .POST(HttpRequest.BodyPublishers.ofString("raft 能跨机房部署吗")).build()).statusCode());
        }
    }

    @Test
    void answers404ForAnUnknownRouteAnd405ForAWrongMethod() throws Exception {
        try (ServerFixture fixture = ServerFixture.start()) {
            HttpResponse<String> unknown = fixture.get("/hooks/nowhere");
            HttpResponse<String> wrongMethod = fixture.get("/hooks/webhook");

            assertEquals(404, unknown.statusCode());
            assertEquals("no route for /hooks/nowhere", JSON.readTree(unknown.body()).get("error").asText());
            assertEquals(405, wrongMethod.statusCode());
            assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
        }
    }

    @Test
    void servesSeveralRequestsOnOneKeptAliveConnectionInOrder() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(); RawConnection connection = new RawConnection(fixture.port)) {
            // pipelined: both requests are sent before either response is read
            connection.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");

            String first = connection.readResponse();
            String second = connection.readResponse();
            connection.write("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
            String third = connection.readResponse();

            assertTrue(first.startsWith("HTTP/1.1 200"), first);
            assertTrue(second.startsWith("HTTP/1.1 404"), second);
            assertTrue(third.startsWith("HTTP/1.1 200"), third);
        }
    }

    @Test
    void routesOnThePathAsSentAndRefusesAnEncodedSlash() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(); RawConnection connection = new RawConnection(fixture.port)) {
            connection.write("GET /api%2fv1%2fescalations HTTP/1.1\r\nHost: x\r\n\r\n");
            String encodedSlash = connection.readResponse();
            connection.write("GET /heal%74hz HTTP/1.1\r\nHost: x\r\n\r\n");
            String encodedLetter = connection.readResponse();
            connection.write("GET /healthz?probe=%2f HTTP/1.1\r\nHost: x\r\n\r\n");
            String encodedQuery = connection.readResponse();

            assertTrue(encodedSlash.startsWith("HTTP/1.1 400") && encodedSlash.contains("encoded slash"), encodedSlash);
            assertTrue(encodedLetter.startsWith("HTTP/1.1 404"), "decoded only after routing: " + encodedLetter);
            assertTrue(encodedQuery.startsWith("HTTP/1.1 200"), "the query is not the path: " + encodedQuery);
        }
    }

    @Test
    void answersAMalformedContentLengthWith400AndCloses() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(); RawConnection connection = new RawConnection(fixture.port)) {
            connection.write("POST /test/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: abc\r\n\r\n{}");

            String response = connection.readResponse();

            assertTrue(response.startsWith("HTTP/1.1 400") && response.contains("\"error\""), response);
            assertTrue(connection.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void tellsBrowsersNotToSniffAnyResponse() throws Exception {
        try (ServerFixture fixture = ServerFixture.start()) {
            for (String path : new String[] {"/healthz", "/nowhere"}) {
                assertEquals("nosniff", fixture.get(path).headers().firstValue("X-Content-Type-Options").orElse(null), path);
            }
            HttpResponse<String> tooLarge = fixture.send(HttpRequest.newBuilder(fixture.uri("/test/match"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 << 20])).build());
            assertEquals(413, tooLarge.statusCode());
            assertEquals("nosniff", tooLarge.headers().firstValue("X-Content-Type-Options").orElse(null));
        }
    }

    @Test
    void cutsOffAClientThatTricklesItsHeaders() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(30));
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, new KeywordMatcher());
             RawConnection connection = new RawConnection(fixture.port)) {
            connection.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");

            assertTrue(connection.closedWithin(Duration.ofSeconds(5)), "headers never finished, yet still connected");
        }
    }

    @Test
    void closesAnIdleConnection() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, new KeywordMatcher());
             RawConnection connection = new RawConnection(fixture.port)) {
            connection.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(connection.readResponse().startsWith("HTTP/1.1 200"));

            assertTrue(connection.closedWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void doesNotCloseAConnectionWhoseRequestIsStillBeingWorkedOn() throws Exception {
        CountDownLatch matching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KeywordMatcher slow = blockingMatcher(matching, release);
        HttpServerOptions options = HttpServerOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200));
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, slow);
             RawConnection connection = new RawConnection(fixture.port)) {
            String body = "{\"text\": \"raft 跨机房\"}";
            connection.write("POST /test/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
            assertTrue(matching.await(5, TimeUnit.SECONDS));

            assertFalse(connection.closedWithin(Duration.ofMillis(600)), "idle timeout fired during the request");
            release.countDown();
            assertTrue(connection.readResponse().startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void finishesRequestsInProgressWhenClosed() throws Exception {
        CountDownLatch matching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerFixture fixture = ServerFixture.start(blockingMatcher(matching, release));
        CompletableFuture<HttpResponse<String>> inProgress = fixture.http.sendAsync(
                HttpRequest.newBuilder(fixture.uri("/test/match"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"raft 跨机房\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(matching.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                fixture.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(closing.isDone(), "close must wait for the request in progress");
        release.countDown();

        HttpResponse<String> response = inProgress.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        closing.get(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
                () -> new RawConnection(fixture.port).close(), "a closed server accepts no connections");
    }

    private static KeywordMatcher blockingMatcher(CountDownLatch matching, CountDownLatch release) {
        return new KeywordMatcher() {
            @Override
            public Match match(String question) {
                matching.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.match(question);
            }
        };
    }
}
