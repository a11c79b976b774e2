package io.qabot.connectors.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.Secret;
import io.qabot.config.WeChatConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.connectors.xml.FlatXml;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Escalation;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Official Account's push end to end, signed and (in safe mode) encrypted by WxJava
 * ({@code weixin-java-common}: third-party, Tencent's own sample is not on Maven Central),
 * with a local fake of the token and customer-service APIs.
 */
class WeChatPushTest {
    private static final String TOKEN = "pamtest";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String SEND_PATH = "/cgi-bin/message/custom/send";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A deadline that does not pass while a test runs, and one that has passed as the push arrives. */
    private static final PassiveDeadline NOT_PASSED = CompletableFuture::new;
    private static final PassiveDeadline PASSED = () -> CompletableFuture.completedFuture(null);

    private final TestBot fixture = TestBot.forOneConnector();
    private final String now = Long.toString(TestBot.NOW.getEpochSecond());
    private int nonces;
    @TempDir
    Path data;

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private Path digest() {
        return data.resolve("wechat-answers.jsonl");
    }

    /** The stand-in pipeline answers in time, however slow the machine: the tests say when the deadline passes. */
    private void start(boolean safeMode) throws InterruptedException {
        start(safeMode, null, NOT_PASSED);
    }

    private WeChatConnector start(boolean safeMode, Pipeline pipeline, PassiveDeadline deadline) throws InterruptedException {
        fixture.api.on("/cgi-bin/token", "{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")
                .on(SEND_PATH, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        WeChatConfig config = new WeChatConfig(APP_ID, Optional.of(Secret.of("app-secret-1")), Secret.of(TOKEN),
                safeMode ? Optional.of(Secret.of(AES_KEY)) : Optional.empty(), fixture.api.url());
        return fixture.start(f -> new WeChatConnector(config, pipeline == null ? f.pipeline : pipeline, f.outbound, f.clock,
                digest(), deadline));
    }

    private String message(String msgId, String question) {
        return TestBot.resource("wechat/text-message.xml").replace("1234567890123456", msgId)
                .replace("this is a test", question).replace("1348831860", now);
    }

    /** Signed as WeChat signs each push, with a nonce of its own: plain mode's signature is good for one body. */
    private HttpResponse<String> postPlain(String xml, String timestamp, String token) throws Exception {
        return postPlain(xml, timestamp, token, "nonce-" + nonces++);
    }

    private HttpResponse<String> postPlain(String xml, String timestamp, String token, String nonce) throws Exception {
        String query = "?signature=" + SHA1.gen(token, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=fromUser";
        return fixture.send(fixture.request(WeChatConnector.PATH + query)
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> postSafe(String xml, String aesKey, String encryptOverride) throws Exception {
        String encrypt = encryptOverride != null ? encryptOverride
                : new WxCryptUtil(TOKEN, aesKey, APP_ID).encrypt("a1b2c3d4e5f6g7h8", xml);
        String body = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        String query = "?signature=" + SHA1.gen(TOKEN, now, "nonce-1") + "&timestamp=" + now
                + "&nonce=nonce-1&openid=fromUser&encrypt_type=aes&msg_signature=" + SHA1.gen(TOKEN, now, "nonce-1", encrypt);
        return fixture.send(fixture.request(WeChatConnector.PATH + query)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static FlatXml xml(String body) throws Exception {
        return FlatXml.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void answersTheEchostrHandshakeWhenSignedAndRefusesItOtherwise() throws Exception {
        start(false);
        String signed = "?signature=" + SHA1.gen(TOKEN, now, "n-7") + "&timestamp=" + now + "&nonce=n-7&echostr=4812093850186153475";

        HttpResponse<String> ok = fixture.send(fixture.request(WeChatConnector.PATH + signed).GET().build());
        HttpResponse<String> forged = fixture.send(fixture.request(WeChatConnector.PATH + signed.replace("n-7&", "n-8&")).GET().build());

        assertEquals(200, ok.statusCode());
        assertEquals("4812093850186153475", ok.body());
        assertEquals(401, forged.statusCode());
    }

    @Test
    void answersAKnownQuestionWithAPassiveXmlReply() throws Exception {
        start(false);

        HttpResponse<String> response = postPlain(message("m-1", "raft 能跨机房部署吗"), now, TOKEN);

        assertEquals(200, response.statusCode());
        FlatXml reply = xml(response.body());
        assertEquals("fromUser", reply.text("ToUserName"));
        assertEquals("toUser", reply.text("FromUserName"));
        assertEquals("text", reply.text("MsgType"));
        assertEquals(now, reply.text("CreateTime"));
        assertTrue(reply.text("Content").startsWith("跨机房不需要特殊支持"), reply.text("Content"));
    }

    @Test
    void aCreateTimeBeyondTheEndOfTimeIsReadAsNowNotAServerError() throws Exception {
        start(false);
        String xml = message("m-9", "raft 能跨机房部署吗").replace("<CreateTime>" + now + "</CreateTime>",
                "<CreateTime>100000000000000000</CreateTime>");

        HttpResponse<String> response = postPlain(xml, now, TOKEN);

        assertEquals(200, response.statusCode());
        assertTrue(xml(response.body()).text("Content").startsWith("跨机房不需要特殊支持"), response.body());
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersAPushWhoseCreateTimeIsAHugeNumber(String hostile) throws Exception {
        start(false);
        String xml = message("m-huge", "raft 能跨机房部署吗").replace("<CreateTime>" + now + "</CreateTime>",
                "<CreateTime>" + hostile + "</CreateTime>");
        assertTrue(xml.contains(hostile), "the message carries a CreateTime to replace");

        HttpResponse<String> response = postPlain(xml, now, TOKEN);

        assertEquals(200, response.statusCode());
        assertTrue(xml(response.body()).text("Content").startsWith("跨机房不需要特殊支持"), response.body());
    }

    @Test
    void refusesACorrectlySignedRequest2To63SecondsOldOrAtTheEndsOfTheNumberRange() throws Exception {
        start(false);
        long nowSeconds = TestBot.NOW.getEpochSecond();
        for (long timestamp : new long[] {nowSeconds + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0}) {
            HttpResponse<String> response = postPlain(message("m-old", "raft 能跨机房部署吗"), Long.toString(timestamp), TOKEN);

            assertEquals(401, response.statusCode(), timestamp + ": " + response.body());
        }
    }

    @Test
    void refusesAPlainModeSignatureReplayedWithAnotherBodyButAnswersTheSameBodyAgain() throws Exception {
        start(false);
        String first = message("m-21", "raft 能跨机房部署吗");

        assertEquals(200, postPlain(first, now, TOKEN, "seen-nonce").statusCode());
        assertEquals(200, postPlain(first, now, TOKEN, "seen-nonce").statusCode(), "a redelivery");
        HttpResponse<String> forged = postPlain(message("m-22", "raft 能跨机房部署吗").replace("fromUser", "someoneElse"),
                now, TOKEN, "seen-nonce");

        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().contains("already used"), forged.body());
    }

    @Test
    void encryptsThePassiveReplyInSafeModeSoWxJavaCanVerifyAndDecryptIt() throws Exception {
        start(true);

        HttpResponse<String> response = postSafe(message("m-2", "raft 能跨机房部署吗"), AES_KEY, null);

        assertEquals(200, response.statusCode());
        FlatXml envelope = xml(response.body());
        String inner = new WxCryptUtil(TOKEN, AES_KEY, APP_ID).decryptXml(envelope.text("MsgSignature"),
                envelope.text("TimeStamp"), envelope.text("Nonce"), response.body());
        assertTrue(xml(inner).text("Content").startsWith("跨机房不需要特殊支持"), inner);
        assertEquals("fromUser", xml(inner).text("ToUserName"));
    }

    @Test
    void acknowledgesAnUnknownQuestionEscalatesItAndSendsTheMaintainersAnswerAsACustomerServiceMessage() throws Exception {
        start(false);

        HttpResponse<String> response = postPlain(message("m-3", "sofa-rpc 支持 http2 吗"), now, TOKEN);

        assertEquals(WeChatConnector.ACKNOWLEDGEMENT, xml(response.body()).text("Content"));
        Escalation escalation = fixture.escalations.next();
        assertEquals("sofa-rpc 支持 http2 吗", escalation.question());
        assertEquals("fromUser", escalation.askers().get(0).chat());

        fixture.answer(escalation.id(), "支持，从 5.4.0 起。");

        RecordingPlatformApi.Recorded tokenRequest = fixture.api.next("/cgi-bin/token");
        assertEquals("client_credential", tokenRequest.queryParameter("grant_type"));
        assertEquals(APP_ID, tokenRequest.queryParameter("appid"));
        assertEquals("app-secret-1", tokenRequest.queryParameter("secret"));
        RecordingPlatformApi.Recorded send = fixture.api.next(SEND_PATH);
        assertEquals("ACCESS_TOKEN_1", send.queryParameter("access_token"));
        assertEquals("fromUser", send.json().get("touser").asText());
        assertEquals("支持，从 5.4.0 起。", send.json().at("/text/content").asText());
        JsonNode recorded = JSON.readTree(Files.readAllLines(digest()).get(0));
        assertEquals("sofa-rpc 支持 http2 吗", recorded.get("question").asText());
        assertEquals("支持，从 5.4.0 起。", recorded.get("answer").asText());
        assertTrue(recorded.get("delivered").asBoolean());
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        WeChatConnector connector = start(false, null, NOT_PASSED);

        connector.sender().send(OutboundMessage.post(Platform.WECHAT, "oMaintainer", null, "New question #7",
                OutboundMessage.Author.BOT, "announce-7-1")).get(10, TimeUnit.SECONDS);

        RecordingPlatformApi.Recorded send = fixture.api.next(SEND_PATH);
        assertEquals("oMaintainer", send.json().get("touser").asText());
        assertEquals("New question #7", send.json().at("/text/content").asText());
        assertFalse(Files.exists(digest()), "a notice is no answer for the weekly digest");
    }

    @Test
    void recordsButDoesNotSendAnAnswerMoreThan48HoursAfterTheReaderWrote() throws Exception {
        start(false);
        // the documented CreateTime, 2012: far outside the customer-service window
        String old = message("m-4", "sofa-rpc 支持 http2 吗").replace(">" + now + "<", ">1348831860<");

        postPlain(old, now, TOKEN);
        Escalation escalation = fixture.escalations.next();

        ExecutionException refused = assertThrows(ExecutionException.class, () -> fixture.answer(escalation.id(), "支持。"));
        assertTrue(refused.getCause().getMessage().contains("48 hours"), refused.getCause().getMessage());
        assertTrue(fixture.api.all(SEND_PATH).isEmpty());
        JsonNode recorded = JSON.readTree(Files.readAllLines(digest()).get(0));
        assertFalse(recorded.get("delivered").asBoolean());
        assertEquals("支持。", recorded.get("answer").asText());
    }

    @Test
    void answersLateQuestionsThroughCustomerServiceAfterAcknowledgingWithSuccess() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        Pipeline held = Pipeline.builder(fixture.matcher, fixture.escalations, command -> gate.thenRunAsync(command))
                .clock(fixture.clock).policy(ChatPolicy.everywhere(ChatMode.MENTION)).build();
        start(false, held, PASSED);

        HttpResponse<String> response = postPlain(message("m-5", "raft 能跨机房部署吗"), now, TOKEN);
        gate.complete(null);

        assertEquals("success", response.body());
        assertTrue(fixture.api.next(SEND_PATH).json().at("/text/content").asText().startsWith("跨机房不需要特殊支持"));
    }

    @Test
    void givesARedeliveryTheSameReplyWithoutMatchingAgain() throws Exception {
        start(false);

        String first = postPlain(message("m-6", "raft 能跨机房部署吗"), now, TOKEN).body();
        String second = postPlain(message("m-6", "raft 能跨机房部署吗"), now, TOKEN).body();

        assertEquals(xml(first).text("Content"), xml(second).text("Content"));
        assertEquals(1, fixture.matcher.calls());
    }

    @Test
    void refusesABadSignature() throws Exception {
        start(false);

        assertEquals(401, postPlain(message("m-7", "raft 能跨机房部署吗"), now, "not-the-token").statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesAnExpiredTimestamp() throws Exception {
        start(false);
        String stale = Long.toString(TestBot.NOW.getEpochSecond() - WeChatConnector.MAX_SKEW.toSeconds() - 1);

        assertEquals(401, postPlain(message("m-8", "raft 能跨机房部署吗"), stale, TOKEN).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesInSafeModeAPushEncryptedWithAnotherKey() throws Exception {
        start(true);

        assertEquals(401, postSafe(message("m-9", "raft 能跨机房部署吗"), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", null)
                .statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesInSafeModeATruncatedCiphertext() throws Exception {
        start(true);
        String encrypt = new WxCryptUtil(TOKEN, AES_KEY, APP_ID).encrypt("a1b2c3d4e5f6g7h8", message("m-10", "跨机房"));

        assertEquals(401, postSafe(null, AES_KEY, encrypt.substring(0, encrypt.length() - 24)).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesInSafeModeAPlaintextPush() throws Exception {
        start(true);

        assertEquals(401, postPlain(message("m-11", "raft 能跨机房部署吗"), now, TOKEN).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void answersSuccessToEventsAndIgnoresThem() throws Exception {
        start(false);

        HttpResponse<String> response = postPlain(TestBot.resource("wechat/subscribe-event.xml"), now, TOKEN);

        assertEquals("success", response.body());
        assertEquals(0, fixture.matcher.calls());
        assertEquals(List.of(), fixture.api.paths());
    }

    @Test
    void theProductsDeadlineIsATimerThatPassesAfterItsWaitAndNotBefore() throws Exception {
        CompletableFuture<Void> soon = PassiveDeadline.after(Duration.ofMillis(1)).start();
        CompletableFuture<Void> later = PassiveDeadline.after(Duration.ofHours(1)).start();

        soon.get(30, TimeUnit.SECONDS);
        assertFalse(later.isDone(), "an hour has not passed");
    }

    @Test
    void waitsNoLongerThanTheFiveSecondsWeChatAllows() {
        assertTrue(WeChatConnector.PASSIVE_DEADLINE.compareTo(Duration.ofSeconds(5)) < 0);
    }
}
