package io.qabot.connectors.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lark.oapi.core.utils.Decryptor;
import io.qabot.config.FeishuConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.core.Escalation;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event subscription end to end: Feishu's documented events, encrypted in Feishu's format
 * (checked with the official SDK's {@code Decryptor}) and signed by the official SDK's own
 * signature code, into a real server; the reply lands on a local fake of the Open API.
 */
class FeishuEventTest {
    private static final String ENCRYPT_KEY = "kudryavka-encrypt-key-7Yq2";
    private static final String TOKEN = "v_token_xxx";
    private static final String MESSAGE_ID = "om_5ce6d572455d361153b7cb51da133945";
    private static final String REPLY_PATH = "/open-apis/im/v1/messages/" + MESSAGE_ID + "/reply";
    private static final String SEND_PATH = "/open-apis/im/v1/messages";
    private static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
    private static final String BOT_INFO_PATH = "/open-apis/bot/v3/info";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestBot fixture = TestBot.forOneConnector();
    private final long nowSeconds = TestBot.NOW.getEpochSecond();
    private final SdkSignatures sdk = new SdkSignatures(TOKEN, ENCRYPT_KEY);

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private FeishuConnector start(Optional<Secret> encryptKey) throws InterruptedException {
        fixture.api.on(TOKEN_PATH, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234\",\"expire\":7200}")
                .on(REPLY_PATH, "{\"code\":0,\"msg\":\"success\",\"data\":{}}")
                .on(SEND_PATH, "{\"code\":0,\"msg\":\"success\",\"data\":{\"message_id\":\"om_new\"}}")
                .on(BOT_INFO_PATH, "{\"code\":0,\"msg\":\"ok\",\"bot\":{\"activate_status\":2,\"app_name\":\"HelperBot\","
                        + "\"avatar_url\":\"\",\"ip_white_list\":[],\"open_id\":\"ou_bot\"}}");
        FeishuConfig config = new FeishuConfig("cli_a1b2c3", Secret.of("app-secret-Xy"), Secret.of(TOKEN), encryptKey,
                fixture.api.url());
        return fixture.start(f -> new FeishuConnector(config, f.pipeline, f.outbound, f.clock));
    }

    private FeishuConnector start() throws InterruptedException {
        return start(Optional.of(Secret.of(ENCRYPT_KEY)));
    }

    private static String event(String question) {
        return TestBot.resource("feishu/im-message-receive-v1.json").replace("how do I build?", question);
    }

    private static String encrypted(String key, String plaintext) throws Exception {
        return JSON.createObjectNode().put("encrypt", FeishuEncryptor.encrypt(key, plaintext)).toString();
    }

    /** POSTs {@code body} signed by the SDK at {@code timestamp}, or unsigned when {@code signKey} is null. */
    private HttpResponse<String> post(String body, long timestamp, String signKey) throws Exception {
        HttpRequest.Builder request = fixture.request(FeishuConnector.PATH)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signKey != null) {
            String nonce = "n-" + Long.toHexString(timestamp);
            request.header("X-Lark-Request-Timestamp", Long.toString(timestamp))
                    .header("X-Lark-Request-Nonce", nonce)
                    .header("X-Lark-Signature", sdk.sign(Long.toString(timestamp), nonce, signKey, body));
        }
        return fixture.send(request.build());
    }

    private HttpResponse<String> postSigned(String body) throws Exception {
        return post(body, nowSeconds, ENCRYPT_KEY);
    }

    @Test
    void decryptsFeishusDocumentedVectorAsTheOfficialSdkDoes() throws Exception {
        String documented = "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=";

        assertEquals("hello world", new Decryptor("test key").decrypt(documented));
        assertEquals("hello world", new FeishuEventDecryptor(Secret.of("test key")).decrypt(documented));
    }

    @Test
    void testCiphertextsAreOnesTheOfficialSdkDecrypts() throws Exception {
        // stripped: the SDK unpads by dropping every trailing byte <= 16 (signed), so it would also
        // drop the file's final newline; Feishu's JSON always ends in '}', which it keeps
        String event = event("跨机房").strip();
        String cipher = FeishuEncryptor.encrypt(ENCRYPT_KEY, event);

        assertEquals(event, new Decryptor(ENCRYPT_KEY).decrypt(cipher));
        assertEquals(event, new FeishuEventDecryptor(Secret.of(ENCRYPT_KEY)).decrypt(cipher));
    }

    @Test
    void signsAsTheOfficialSdkDoesOverNonAsciiBodies() {
        String body = "{\"encrypt\":\"飞书 ü\"}";

        assertEquals(sdk.sign("1717000000", "nonce-1", ENCRYPT_KEY, body), new FeishuSignature(Secret.of(ENCRYPT_KEY))
                .sign("1717000000", "nonce-1", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersTheEncryptedUrlChallengeWithinTheSameRequest() throws Exception {
        start();

        HttpResponse<String> response = post(encrypted(ENCRYPT_KEY, TestBot.resource("feishu/url-verification.json")),
                0, null);

        assertEquals(200, response.statusCode());
        assertEquals("ajls384kdjx98XX", JSON.readTree(response.body()).get("challenge").asText());
    }

    @Test
    void refusesAnEnvelopeThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        start();
        String challenge = encrypted(ENCRYPT_KEY, TestBot.resource("feishu/url-verification.json"));
        assertEquals(200, post(challenge, 0, null).statusCode());
        byte[] padded = PaddedNames.withPaddedName(challenge, "encrypt");

        HttpResponse<String> response = fixture.send(fixture.request(FeishuConnector.PATH)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build());

        // not an envelope at all: a 400 with the reason, not a refused signature or token (401)
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("body is not UTF-8 (byte 0xFF at offset 6)", JSON.readTree(response.body()).get("error").asText());
        assertFalse(response.body().contains("ajls384kdjx98XX"));
    }

    @Test
    void refusesAChallengeCarryingAnotherAppsToken() throws Exception {
        start();
        String challenge = TestBot.resource("feishu/url-verification.json").replace(TOKEN, "someone-elses");

        assertEquals(401, post(encrypted(ENCRYPT_KEY, challenge), 0, null).statusCode());
    }

    @Test
    void repliesInThreadToAnAtBotQuestionWithATenantAccessTokenMentioningTheAsker() throws Exception {
        start();

        HttpResponse<String> response = postSigned(encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗")));

        assertEquals(200, response.statusCode());
        RecordingPlatformApi.Recorded tokenRequest = fixture.api.next(TOKEN_PATH);
        assertEquals("cli_a1b2c3", tokenRequest.json().get("app_id").asText());
        assertEquals("app-secret-Xy", tokenRequest.json().get("app_secret").asText());
        RecordingPlatformApi.Recorded reply = fixture.api.next(REPLY_PATH);
        assertEquals("Bearer t-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234", reply.header("Authorization"));
        JsonNode body = reply.json();
        assertEquals("text", body.get("msg_type").asText());
        assertTrue(body.get("reply_in_thread").asBoolean());
        String text = JSON.readTree(body.get("content").asText()).get("text").asText();
        assertTrue(text.startsWith("<at user_id=\"ou_asker\">ou_asker</at> 跨机房不需要特殊支持"), text);
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersAMessageWhoseCreateTimeIsAHugeNumber(String hostile) throws Exception {
        start();
        String event = event("raft 能跨机房部署吗").replace("\"create_time\":\"1717000000100\"",
                "\"create_time\":\"" + hostile + "\"");
        assertTrue(event.contains(hostile), "the documented event carries a create_time to replace");

        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, event)).statusCode());

        String text = JSON.readTree(fixture.api.next(REPLY_PATH).json().get("content").asText()).get("text").asText();
        assertTrue(text.contains("跨机房不需要特殊支持"), text);
    }

    @Test
    void refusesACorrectlySignedRequest2To63SecondsOldOrAtTheEndsOfTheNumberRange() throws Exception {
        start();
        for (long timestamp : new long[] {nowSeconds + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, -1}) {
            HttpResponse<String> response = post(encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗")), timestamp, ENCRYPT_KEY);

            assertEquals(401, response.statusCode(), timestamp + ": " + response.body());
        }
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void escalatesAnUnknownQuestionAndPostsTheMaintainersAnswerIntoTheAskersThread() throws Exception {
        start();

        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, event("how do I build?"))).statusCode());

        Escalation escalation = fixture.escalations.next();
        assertEquals("how do I build?", escalation.question());
        assertEquals("oc_5ce6d572455d361153b7cb5xxfsdfsdfdsf", escalation.askers().get(0).chat());
        fixture.answer(escalation.id(), "用 `mvn package`。");
        RecordingPlatformApi.Recorded reply = fixture.api.next(REPLY_PATH);
        assertTrue(reply.json().get("reply_in_thread").asBoolean());
        assertTrue(reply.json().get("content").asText().contains("<at user_id=\\\"ou_asker\\\">"), reply.text());
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        FeishuConnector connector = start();

        Optional<String> posted = connector.sender().post(OutboundMessage.post(Platform.FEISHU, "oc_maintainers", null,
                "New question #7", OutboundMessage.Author.BOT, "announce-7-1")).get(10, TimeUnit.SECONDS);

        assertEquals(Optional.of("om_new"), posted, "the new message's id, the root_id of replies in its thread");

        RecordingPlatformApi.Recorded send = fixture.api.next(SEND_PATH);
        assertEquals("chat_id", send.queryParameter("receive_id_type"));
        assertEquals("Bearer t-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234", send.header("Authorization"));
        JsonNode body = send.json();
        assertEquals("oc_maintainers", body.get("receive_id").asText());
        assertEquals("text", body.get("msg_type").asText());
        assertEquals("New question #7", JSON.readTree(body.get("content").asText()).get("text").asText());
        assertFalse(body.has("reply_in_thread"), body.toString());
        assertEquals(UUID.nameUUIDFromBytes("announce-7-1".getBytes(StandardCharsets.UTF_8)).toString(),
                body.get("uuid").asText(), "the idempotency key, the same on a resend");
        assertTrue(fixture.api.paths().contains(SEND_PATH));
        assertFalse(fixture.api.paths().stream().anyMatch(path -> path.endsWith("/reply")), "never the reply API");
    }

    @Test
    void postsIntoTheChatWhenFeishuKnowsNoMessageToReplyTo() throws Exception {
        FeishuConnector connector = start();
        String withdrawn = "om_withdrawn0000000000000000000000";
        fixture.api.on("/open-apis/im/v1/messages/" + withdrawn + "/reply", request -> RecordingPlatformApi.Answer.json(400,
                "{\"code\":230011,\"msg\":\"The message was withdrawn.\"}"));

        connector.sender().send(new OutboundMessage(Platform.FEISHU, "oc_group", "omt_1", withdrawn,
                new Sender("ou_asker", "ou_asker"), "用 mvn package。", OutboundMessage.Author.MAINTAINER))
                .get(10, TimeUnit.SECONDS);

        JsonNode body = fixture.api.next(SEND_PATH).json();
        assertEquals("oc_group", body.get("receive_id").asText());
        assertEquals("用 mvn package。", JSON.readTree(body.get("content").asText()).get("text").asText());
    }

    @Test
    void answersARedeliveredEventOnlyOnce() throws Exception {
        start();
        String body = encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗"));

        assertEquals(200, postSigned(body).statusCode());
        fixture.api.next(REPLY_PATH);
        assertEquals(200, postSigned(body).statusCode());
        String other = event("跨机房 raft 怎么部署").replace(MESSAGE_ID, "om_other").replace("ou_asker", "ou_second");
        fixture.api.on("/open-apis/im/v1/messages/om_other/reply", "{\"code\":0}");
        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, other)).statusCode());
        fixture.api.next("/open-apis/im/v1/messages/om_other/reply");

        assertEquals(1, fixture.api.all(REPLY_PATH).size());
    }

    @Test
    void answersAGroupMessageOnlyWhenItMentionsTheBotItself() throws Exception {
        FeishuConnector connector = start();
        assertEquals("ou_bot", connector.lookUpTheBot().get(10, TimeUnit.SECONDS));
        assertEquals("Bearer t-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234", fixture.api.all(BOT_INFO_PATH).get(0).header("Authorization"));

        // a member @-mentions a colleague (the app may read every group message): not for the bot
        String toAlice = event("raft 能跨机房部署吗").replace("\"ou_bot\"", "\"ou_alice\"").replace("HelperBot", "Alice");
        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, toAlice)).statusCode());
        String toBot = event("跨机房 raft 怎么部署").replace(MESSAGE_ID, "om_other").replace("ou_asker", "ou_second");
        fixture.api.on("/open-apis/im/v1/messages/om_other/reply", "{\"code\":0}");
        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, toBot)).statusCode());

        fixture.api.next("/open-apis/im/v1/messages/om_other/reply");
        assertTrue(fixture.api.all(REPLY_PATH).isEmpty(), "answered a message addressed to someone else");
        assertEquals(1, fixture.api.all(BOT_INFO_PATH).size(), "the bot is looked up once");
    }

    @Test
    void takesAnyMentionAsAddressedToTheBotWhileFeishuCannotSayWhoItIs() throws Exception {
        FeishuConnector connector = start();
        fixture.api.on(BOT_INFO_PATH, request -> RecordingPlatformApi.Answer.json(400,
                "{\"code\":99991672,\"msg\":\"Access denied. One of the following scopes is required\"}"));
        // the look-up at start may have raced the failing answer above; either way the bot still answers
        connector.lookUpTheBot().handle((openId, failure) -> null).get(10, TimeUnit.SECONDS);

        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗"))).statusCode());
        fixture.api.next(REPLY_PATH);
    }

    @Test
    void refusesABadSignature() throws Exception {
        start();

        assertEquals(401, post(encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗")), nowSeconds, "not-the-key").statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesAnUnsignedEvent() throws Exception {
        start();

        assertEquals(401, post(encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗")), 0, null).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesATimestampOutsideTheWindowEvenWhenSigned() throws Exception {
        start();

        HttpResponse<String> response = post(encrypted(ENCRYPT_KEY, event("raft 能跨机房部署吗")),
                nowSeconds - FeishuConnector.MAX_SKEW.toSeconds() - 1, ENCRYPT_KEY);

        assertEquals(401, response.statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesAnEventEncryptedWithAnotherKey() throws Exception {
        start();

        HttpResponse<String> response = postSigned(encrypted("another-encrypt-key", event("raft 能跨机房部署吗")));

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("does not decrypt"), response.body());
    }

    @Test
    void refusesATruncatedCiphertext() throws Exception {
        start();
        String cipher = FeishuEncryptor.encrypt(ENCRYPT_KEY, event("raft 能跨机房部署吗"));
        String truncated = JSON.createObjectNode().put("encrypt", cipher.substring(0, 40)).toString();

        HttpResponse<String> response = postSigned(truncated);

        assertEquals(401, response.statusCode());
        assertThrows(FeishuRefusal.class, () -> new FeishuEventDecryptor(Secret.of(ENCRYPT_KEY)).decrypt(cipher.substring(0, 40)));
    }

    @Test
    void acknowledgesAndIgnoresEventTypesItDoesNotHandle() throws Exception {
        start();
        String added = event("x").replace("im.message.receive_v1", "im.chat.member.bot.added_v1");

        assertEquals(200, postSigned(encrypted(ENCRYPT_KEY, added)).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void checksTheVerificationTokenWhenEventsArriveInPlaintext() throws Exception {
        start(Optional.empty());

        assertEquals(401, post(event("raft 能跨机房部署吗").replace(TOKEN, "forged"), 0, null).statusCode());
        assertEquals(200, post(event("raft 能跨机房部署吗"), 0, null).statusCode());
        assertTrue(fixture.api.next(REPLY_PATH).text().contains("跨机房"));
    }
}
