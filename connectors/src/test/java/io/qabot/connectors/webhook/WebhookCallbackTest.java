package io.qabot.connectors.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.WebhookSignatures;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Later replies reach the callback URL signed like inbound requests; a local fake plays the bridge. */
class WebhookCallbackTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final HttpServer bridge;
    private final CompletableFuture<Received> received = new CompletableFuture<>();

    record Received(String timestamp, String signature, byte[] body) {
    }

    WebhookCallbackTest() throws Exception {
        bridge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bridge.createContext("/callback", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.complete(new Received(exchange.getRequestHeaders().getFirst("X-Qabot-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Qabot-Signature"), body));
            int status = new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("refuse me") ? 400 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        bridge.start();
    }

    @AfterEach
    void stop() {
        bridge.stop(0);
    }

    private WebhookConnector connector() {
        Pipeline pipeline = Pipeline.builder(new KeywordMatcher(), new InMemoryEscalationQueue(CLOCK), Runnable::run).build();
        URI callback = URI.create("http://127.0.0.1:" + bridge.getAddress().getPort() + "/callback");
        return new WebhookConnector(WebhookOptions.of("sekrit", callback), pipeline, new OutboundClient(OutboundOptions.defaults()), CLOCK);
    }

    private static OutboundMessage reply(String text) {
        return new OutboundMessage(Platform.WEBHOOK, "group-42", "t-9", "m-1001", new Sender("u7", "Ann"), text,
                OutboundMessage.Author.MAINTAINER);
    }

    @Test
    void postsAMaintainersAnswerSignedToTheCallback() throws Exception {
        connector().sender().send(reply("@Ann 支持，见 1.3.0。")).get(10, TimeUnit.SECONDS);

        Received got = received.get(10, TimeUnit.SECONDS);
        assertEquals(Long.toString(CLOCK.instant().getEpochSecond()), got.timestamp());
        assertEquals(WebhookSignatures.sign("sekrit", got.timestamp(), got.body()), got.signature());
        JsonNode body = new ObjectMapper().readTree(got.body());
        assertEquals("m-1001", body.get("in_reply_to").asText());
        assertEquals("group-42", body.get("chat").asText());
        assertEquals("t-9", body.get("thread").asText());
        assertEquals("u7", body.get("user").get("id").asText());
        assertEquals("@Ann 支持，见 1.3.0。", body.get("text").asText());
        assertEquals("maintainer", body.get("source").asText());
    }

    @Test
    void aDeliveredAnswerCarriesItsReplyIdSoAMemberCanFlagIt() throws Exception {
        connector().sender().send(reply("@Ann 支持，见 1.3.0。").withReplyId("5f0c9e2b7d4a4c1e9b3f6a8d2e1c0b7a"))
                .get(10, TimeUnit.SECONDS);

        Received got = received.get(10, TimeUnit.SECONDS);
        assertEquals(WebhookSignatures.sign("sekrit", got.timestamp(), got.body()), got.signature(), "signed with it");
        JsonNode body = new ObjectMapper().readTree(got.body());
        assertEquals("5f0c9e2b7d4a4c1e9b3f6a8d2e1c0b7a", body.get("reply_id").asText());
        assertEquals("m-1001", body.get("in_reply_to").asText(), "every field of the contract stays");
        assertEquals("maintainer", body.get("source").asText());
    }

    @Test
    void aMessageThatIsNoAnswerCarriesNoReplyId() throws Exception {
        connector().sender().send(reply("@Ann 支持，见 1.3.0。")).get(10, TimeUnit.SECONDS);

        JsonNode body = new ObjectMapper().readTree(received.get(10, TimeUnit.SECONDS).body());
        assertTrue(!body.has("reply_id"), body.toString());
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        connector().sender().send(OutboundMessage.post(Platform.WEBHOOK, "maintainers", null,
                "New question #7 (1 asker in webhook group-42)", OutboundMessage.Author.BOT, "announce-7-1")).get(10, TimeUnit.SECONDS);

        JsonNode body = new ObjectMapper().readTree(received.get(10, TimeUnit.SECONDS).body());
        assertTrue(body.has("in_reply_to"), body.toString());
        assertTrue(body.get("in_reply_to").isNull(), body.toString());
        assertTrue(body.get("user").isNull(), body.toString());
        assertEquals("maintainers", body.get("chat").asText());
        assertEquals("bot", body.get("source").asText());
    }

    @Test
    void failsTheSendWhenTheBridgeRefusesIt() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connector().sender().send(reply("refuse me")).get(10, TimeUnit.SECONDS));
        assertEquals("webhook callback answered 400 for the reply to m-1001", e.getCause().getMessage());
    }

    @Test
    void neverShowsTheSecretInItsOptions() {
        assertEquals(-1, WebhookOptions.of("sekrit", null).toString().indexOf("sekrit"));
    }
}
