package io.qabot.connectors.discord;

import static io.qabot.connectors.discord.DiscordGatewayTest.BOT_TOKEN;
import static io.qabot.connectors.discord.DiscordGatewayTest.golden;
import static io.qabot.connectors.fakes.TestBot.ANSWER;
import static io.qabot.connectors.fakes.TestBot.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.DiscordConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.core.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interactions endpoint behind a real server, called with golden interactions signed by
 * an Ed25519 key pair made in the test (its public half configured the way Discord shows it:
 * 64 hex characters), answering into a recording fake of the REST API.
 */
@Timeout(30)
class DiscordInteractionsTest {
    private final RecordingPlatformApi rest = new RecordingPlatformApi();
    private KeyPair discord;
    private TestBot bot;
    private DiscordConnector connector;

    @BeforeEach
    void start() throws Exception {
        discord = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        start(new TestBot(Platform.DISCORD));
    }

    private void start(TestBot testBot) throws Exception {
        byte[] x509 = discord.getPublic().getEncoded();
        String publicKeyHex = HexFormat.of().formatHex(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        bot = testBot;
        connector = new DiscordConnector(new DiscordConfig(Optional.of(publicKeyHex), Secret.of(BOT_TOKEN),
                rest.url().resolve("/api/v10"), URI.create("ws://127.0.0.1:9")), bot.pipeline, bot.outbound, bot.clock);
        bot.serve(connector.routes());
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        bot.close();
        rest.close();
    }

    private static String sign(PrivateKey key, String timestamp, byte[] body) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        return HexFormat.of().formatHex(signer.sign());
    }

    private HttpResponse<String> post(String body, String signature, String timestamp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(bot.uri("/hooks/discord"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(5));
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature);
        }
        if (timestamp != null) {
            request.header("X-Signature-Timestamp", timestamp);
        }
        return bot.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> signedBy(PrivateKey key, String body, long timestamp) throws Exception {
        String ts = Long.toString(timestamp);
        return post(body, sign(key, ts, body.getBytes(StandardCharsets.UTF_8)), ts);
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        return signedBy(discord.getPrivate(), body, NOW.getEpochSecond());
    }

    @Test
    void refusesACorrectlySignedRequest2To63SecondsOldOrAtTheEndsOfTheNumberRange() throws Exception {
        for (long timestamp : new long[] {NOW.getEpochSecond() + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0}) {
            HttpResponse<String> response = signedBy(discord.getPrivate(), golden("interaction_ping.json"), timestamp);

            assertEquals(401, response.statusCode(), timestamp + ": " + response.body());
        }
    }

    @Test
    void refusesASignedBodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        String ask = golden("interaction_ask.json");
        assertEquals(200, deliver(ask).statusCode());
        rest.next();
        byte[] padded = PaddedNames.withPaddedName(ask, "options");
        String ts = Long.toString(NOW.getEpochSecond());

        HttpResponse<String> response = bot.http.send(HttpRequest.newBuilder(bot.uri("/hooks/discord"))
                .header("Content-Type", "application/json")
                .header("X-Signature-Ed25519", sign(discord.getPrivate(), ts, padded))
                .header("X-Signature-Timestamp", ts)
                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"error\":\"body is not UTF-8 (byte 0xFF at offset "), response.body());
        assertNull(rest.nextWithin(300));
    }

    @Test
    void answersPingWithPong() throws Exception {
        HttpResponse<String> response = deliver(golden("interaction_ping.json"));

        assertEquals(200, response.statusCode());
        assertEquals("{\"type\":1}", response.body());
    }

    @Test
    void defersAskAndThenEditsTheOriginalResponseWithTheAnswer() throws Exception {
        HttpResponse<String> response = deliver(golden("interaction_ask.json"));

        assertEquals(200, response.statusCode());
        assertEquals("{\"type\":5}", response.body());
        Recorded edit = rest.next();
        assertEquals("PATCH", edit.method());
        assertEquals("/api/v10/webhooks/1200000000000000009/aW50ZXJhY3Rpb246YXNr/messages/@original", edit.path());
        JsonNode json = edit.json();
        assertTrue(json.get("content").asText().startsWith("<@1110000000000000004> " + ANSWER), json.get("content").asText());
    }

    @Test
    void tellsTheAskerWhenTheQuestionWentToTheMaintainers() throws Exception {
        deliver(golden("interaction_ask.json").replace("请问 jraft 支持跨机房吗", "jraft 支持 learner 吗"));

        assertTrue(rest.next().json().get("content").asText().contains("maintainers"));
        assertEquals(1, bot.escalations.open().size());
    }

    @Test
    void anEscalatedAskIsAcknowledgedOnceInTheInteractionsOwnAnswerAndNotAgainInTheChannel() throws Exception {
        connector.close();
        bot.close();
        start(TestBot.acknowledging(Platform.DISCORD));

        deliver(golden("interaction_ask.json").replace("请问 jraft 支持跨机房吗", "jraft 支持 learner 吗"));

        Recorded edit = rest.next();
        assertEquals("PATCH", edit.method(), "the deferred answer is edited, nothing is posted into the channel");
        long id = bot.escalations.open().get(0).id();
        String content = edit.json().get("content").asText();
        assertTrue(content.startsWith("<@1110000000000000004> ") && content.contains("#" + id), content);
        assertNull(rest.nextWithin(300), "a second acknowledgement");
    }

    @Test
    void refusesAnotherKeysSignatureAndDoesNothingElse() throws Exception {
        PrivateKey stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

        assertEquals(401, signedBy(stranger, golden("interaction_ask.json"), NOW.getEpochSecond()).statusCode());
        assertEquals(401, signedBy(stranger, golden("interaction_ping.json"), NOW.getEpochSecond()).statusCode());

        assertNull(rest.nextWithin(300));
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void refusesBytesChangedAfterSigningAndMissingHeaders() throws Exception {
        String body = golden("interaction_ask.json");
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(discord.getPrivate(), ts, body.getBytes(StandardCharsets.UTF_8));

        assertEquals(401, post(body.replace("1110000000000000004", "1110000000000000666"), signature, ts).statusCode());
        assertEquals(401, post(body, null, ts).statusCode());
        assertEquals(401, post(body, signature, null).statusCode());
        assertEquals(401, post(body, "zz-not-hex", ts).statusCode());
        assertEquals(0, bot.matcher.calls());
    }

    @Test
    void refusesATimestampOutsideTheFiveMinuteWindow() throws Exception {
        assertEquals(401, signedBy(discord.getPrivate(), golden("interaction_ping.json"), NOW.getEpochSecond() - 301)
                .statusCode());
        assertEquals(200, signedBy(discord.getPrivate(), golden("interaction_ping.json"), NOW.getEpochSecond() - 299)
                .statusCode());
    }

    @Test
    void acknowledgesOtherCommandsPrivately() throws Exception {
        HttpResponse<String> response = deliver(golden("interaction_ask.json").replace("\"name\":\"ask\"", "\"name\":\"roll\""));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"type\":4") && response.body().contains("\"flags\":64"), response.body());
        assertEquals(0, bot.matcher.calls());
    }
}
