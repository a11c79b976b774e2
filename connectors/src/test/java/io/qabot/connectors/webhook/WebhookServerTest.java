package io.qabot.connectors.webhook;

import static io.qabot.connectors.http.ServerFixture.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.ServerFixture;
import io.qabot.connectors.json.PaddedNames;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic webhook against a real server on loopback, as a chat bridge would call it. */
class WebhookServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "请问 jraft 支持跨机房吗";

    private final KeywordMatcher matcher = new KeywordMatcher();
    private ServerFixture fixture;

    @BeforeEach
    void start() throws InterruptedException {
        fixture = ServerFixture.start(matcher);
    }

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private void assertAnswersNextRequest() throws Exception {
        HttpResponse<String> next = fixture.send(fixture.signed(message("m-next-" + System.nanoTime(), "u7", QUESTION)));
        assertEquals(200, next.statusCode(), next.body());
    }

    @Test
    void answersASignedQuestionWithTheAskObjectInReplyToTheMessage() throws Exception {
        HttpResponse<String> response = fixture.send(fixture.signed(message("m-1001", "u7", QUESTION)));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json(response);
        assertEquals("m-1001", body.get("in_reply_to").asText());
        assertEquals(QUESTION, body.get("question").asText());
        assertEquals("answer", body.get("decision").asText());
        assertEquals(0.91, body.get("score").asDouble());
        assertEquals("跨机房不需要特殊支持，只是网络延时大一点而已。", body.get("answer").asText());
        assertEquals("https://github.com/sofastack/sofa-jraft", body.get("links").get(0).asText());
        assertEquals("sofa-weekly-20191101.md", body.get("source").get("file").asText());
        assertEquals("2019-11-01", body.get("source").get("date").asText());
        assertTrue(body.get("reply").asText().startsWith("@Ann 跨机房不需要特殊支持"), body.get("reply").asText());
        assertTrue(response.body().contains("跨机房"), "non-ASCII is written as is, not \\u-escaped");
    }

    @Test
    void escalatesAnUnknownQuestionAndSaysSoWithoutAReply() throws Exception {
        JsonNode body = json(fixture.send(fixture.signed(message("m-2", "u7", "jraft 支持 learner 吗"))));

        assertEquals("escalate", body.get("decision").asText());
        assertTrue(body.get("reply").isNull());
        assertEquals(fixture.escalations.open().get(0).id(), body.get("escalation").asLong());
    }

    @Test
    void refusesAnUnsignedRequestAndDoesNothingElse() throws Exception {
        HttpRequest unsigned = HttpRequest.newBuilder(fixture.uri("/hooks/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message("m-1", "u7", QUESTION))).build();

        HttpResponse<String> response = fixture.send(unsigned);

        assertEquals(401, response.statusCode());
        assertEquals("missing X-Qabot-Timestamp header", json(response).get("error").asText());
        assertEquals(0, matcher.calls());
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() throws Exception {
        HttpResponse<String> response = fixture.send(fixture.signedAt(message("m-1", "u7", "jraft 支持 learner 吗"),
                ServerFixture.NOW.getEpochSecond(), "not-the-secret"));

        assertEquals(401, response.statusCode());
        assertEquals(0, matcher.calls());
        assertTrue(fixture.escalations.open().isEmpty());
    }

    @Test
    void refusesASignatureOverDifferentBytes() throws Exception {
        String signedBody = message("m-1", "u7", QUESTION);
        HttpRequest tampered = HttpRequest.newBuilder(fixture.uri("/hooks/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Qabot-Timestamp", Long.toString(ServerFixture.NOW.getEpochSecond()))
                .header("X-Qabot-Signature", fixture.signed(signedBody).headers().firstValue("X-Qabot-Signature").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(signedBody.replace("u7", "u8"))).build();

        assertEquals(401, fixture.send(tampered).statusCode());
        assertEquals(0, matcher.calls());
    }

    @Test
    void refusesAStaleOrFutureTimestampButAcceptsOneInsideTheWindow() throws Exception {
        long now = ServerFixture.NOW.getEpochSecond();

        HttpResponse<String> stale = fixture.send(fixture.signedAt(message("m-1", "u7", QUESTION), now - 301, ServerFixture.SECRET));
        HttpResponse<String> future = fixture.send(fixture.signedAt(message("m-2", "u7", QUESTION), now + 301, ServerFixture.SECRET));
        HttpResponse<String> edge = fixture.send(fixture.signedAt(message("m-3", "u7", QUESTION), now - 300, ServerFixture.SECRET));

        assertEquals(401, stale.statusCode());
        assertTrue(json(stale).get("error").asText().contains("window"));
        assertEquals(401, future.statusCode());
        assertEquals(200, edge.statusCode());
        assertEquals(1, matcher.calls());
    }

    @Test
    void refusesBadPayloadsWithAReasonAndKeepsServing() throws Exception {
        record Bad(String body, String contentType, int status, String reason) {
        }
        List<Bad> bads = List.of(
                new Bad("{\"id\": \"m-1\", \"chat\": ", "application/json", 400, "body is not JSON"),
                new Bad("[" + message("m-1", "u7", QUESTION) + "]", "application/json", 400, "must be a JSON object, not array"),
                new Bad("{\"id\": \"m-1\", \"user\": {\"id\": \"u7\"}, \"text\": \"hi\"}", "application/json", 400, "missing field: chat"),
                new Bad("{\"id\": \"m-1\", \"chat\": \"g\", \"text\": \"hi\"}", "application/json", 400, "missing field: user.id"),
                // the store keeps ids in 500 characters: refused here, not failed there after a 200
                new Bad("{\"id\": \"m-1\", \"chat\": \"" + "g".repeat(501) + "\", \"user\": {\"id\": \"u7\"}, \"text\": \"hi\"}",
                        "application/json", 400, "field chat is longer than 256 characters"),
                new Bad(message("m-1", "u7", QUESTION), "text/plain", 415, "content type must be application/json"));
        for (Bad bad : bads) {
            byte[] bytes = bad.body().getBytes(StandardCharsets.UTF_8);
            String ts = Long.toString(ServerFixture.NOW.getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(fixture.uri("/hooks/webhook"))
                    .header("Content-Type", bad.contentType())
                    .header("X-Qabot-Timestamp", ts)
                    .header("X-Qabot-Signature", io.qabot.connectors.http.WebhookSignatures.sign(ServerFixture.SECRET, ts, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();

            HttpResponse<String> response = fixture.send(request);

            assertEquals(bad.status(), response.statusCode(), bad.body());
            assertTrue(json(response).get("error").asText().contains(bad.reason()), response.body());
        }
        assertEquals(0, matcher.calls());
        assertAnswersNextRequest();
    }

    @Test
    void refusesABodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        assertAnswersNextRequest(); // a request has named "id"
        // "\xFF\xFFid" has the bytes Jackson's symbol table makes of "id" (a short name padded
        // with 0xFF): Jackson read it as "id" without decoding it, and the message was answered
        byte[] bytes = PaddedNames.withPaddedName(message("m-ff", "u7", QUESTION), "id");
        String ts = Long.toString(ServerFixture.NOW.getEpochSecond());

        HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/hooks/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Qabot-Timestamp", ts)
                .header("X-Qabot-Signature", io.qabot.connectors.http.WebhookSignatures.sign(ServerFixture.SECRET, ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(json(response).get("error").asText().startsWith("body is not UTF-8 (byte 0xFF at offset "), response.body());
    }

    @Test
    void refusesAThreeMegabyteBodyWith413AndKeepsServing() throws Exception {
        String huge = message("m-big", "u7", "x".repeat(3 * 1024 * 1024));

        HttpResponse<String> response = fixture.send(fixture.signed(huge));

        assertEquals(413, response.statusCode());
        assertEquals("request body larger than 1048576 bytes", json(response).get("error").asText());
        assertAnswersNextRequest();
    }

    @Test
    void answersARepeatedIdOnceAndGivesTheSecondDeliveryTheFirstResult() throws Exception {
        HttpResponse<String> first = fixture.send(fixture.signed(message("m-1001", "u7", QUESTION)));
        HttpResponse<String> second = fixture.send(fixture.signed(message("m-1001", "u7", QUESTION)));

        assertEquals(200, second.statusCode());
        assertEquals(json(first), json(second));
        assertEquals("replied", json(second).get("outcome").asText(), "not a cooldown: the first result itself");
        assertEquals(1, matcher.calls());
    }

    @Test
    void answersTwoHundredConcurrentClientsDroppingNone() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // a client each: separate connections, all at once
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            responses.add(client.sendAsync(fixture.signed(message("m-" + i, "user-" + i, QUESTION)),
                    HttpResponse.BodyHandlers.ofString()));
        }

        Set<String> answered = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            answered.add(json(response).get("in_reply_to").asText());
        }
        assertEquals(200, answered.size());
    }

    @Test
    void isOffWithoutASecret() throws Exception {
        try (ServerFixture off = new ServerFixture(HttpServerOptions.defaults(), null, matcher)) {
            HttpResponse<String> response = off.send(off.signed(message("m-1", "u7", QUESTION)));

            assertEquals(404, response.statusCode());
            assertEquals(0, matcher.calls());
        }
    }

    @Test
    void aMatcherFailureIsA500AndTheServerKeepsServing() throws Exception {
        HttpResponse<String> response = fixture.send(fixture.signed(message("m-boom", "u7", "boom")));

        assertEquals(500, response.statusCode());
        assertEquals("internal error", json(response).get("error").asText());
        assertAnswersNextRequest();
    }

    @Test
    void staysSilentWhenNotMentionedAndSaysWhy() throws Exception {
        String body = message("m-1", "u7", QUESTION).replace("\"mentioned\": true", "\"mentioned\": false");

        JsonNode response = json(fixture.send(fixture.signed(body)));

        assertEquals("silent", response.get("outcome").asText());
        assertEquals("not_mentioned", response.get("reason").asText());
        assertTrue(response.get("reply").isNull());
        assertEquals(0, matcher.calls());
    }
}
