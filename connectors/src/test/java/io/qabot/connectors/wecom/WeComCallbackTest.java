package io.qabot.connectors.wecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.Secret;
import io.qabot.config.WeComConfig;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.connectors.weixin.WeixinCipher;
import io.qabot.connectors.weixin.WeixinCryptoException;
import io.qabot.connectors.weixin.WeixinSignature;
import io.qabot.core.Escalation;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WeCom's callback end to end. Ciphertexts and signatures come from WxJava's
 * {@code WxCryptUtil}/{@code SHA1} (a widely used independent implementation; Tencent's own
 * WXBizMsgCrypt sample is not on Maven Central) and from Tencent's published sample vector;
 * answers land on a local fake of the group robot webhook or the AI bot's response_url.
 */
class WeComCallbackTest {
    private static final String TOKEN = "QDG6eK";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String CORP_ID = "wx5823bf96d3bd56c7";
    private static final String WEBHOOK_PATH = "/cgi-bin/webhook/send";

    private TestBot fixture = TestBot.forOneConnector();
    private final String now = Long.toString(TestBot.NOW.getEpochSecond());

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private WeComConnector start(Optional<String> corpId) throws InterruptedException {
        WeComConfig config = new WeComConfig(corpId, Secret.of(TOKEN), Secret.of(AES_KEY), URI.create("https://qyapi.weixin.qq.com"),
                Optional.of(Secret.of(fixture.api.url(WEBHOOK_PATH + "?key=robot-key-1").toString())));
        return fixture.start(f -> new WeComConnector(config, f.pipeline, f.outbound, f.clock));
    }

    private static String appMessage(String msgId, String user, String question) {
        return TestBot.resource("wecom/app-text-message.xml")
                .replace("1234567890123456", msgId).replace("fromUser", user).replace("this is a test", question);
    }

    /** The app callback WeCom would POST: the message encrypted and signed by WxJava. */
    private HttpResponse<String> postApp(String inner, String timestamp, String aesKey) throws Exception {
        String encrypt = new WxCryptUtil(TOKEN, aesKey, CORP_ID).encrypt("a1b2c3d4e5f6g7h8", inner);
        String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[1]]></AgentID>"
                + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        return post(body, timestamp, SHA1.gen(TOKEN, timestamp, "1372623149", encrypt));
    }

    /** The AI bot's documented message with {@code question}, its response_url on the fake, encrypted by WxJava. */
    private String aiBotEncrypted(String question) {
        String message = TestBot.resource("wecom/aibot-text-message.json")
                .replace("how do I build?", question)
                .replace("<opaque URL supplied by WeCom>", fixture.api.url("/cgi-bin/aibot/response?response_code=rc-1").toString());
        // the AI bot encrypts for an empty receive id
        return new WxCryptUtil(TOKEN, AES_KEY, "").encrypt("a1b2c3d4e5f6g7h8", message);
    }

    private HttpResponse<String> post(String body, String timestamp, String signature) throws Exception {
        return fixture.send(fixture.request(WeComConnector.PATH + "?msg_signature=" + signature + "&timestamp=" + timestamp
                        + "&nonce=1372623149")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    @Test
    void verifiesAndDecryptsTencentsPublishedSample() throws Exception {
        String echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

        assertTrue(new WeixinSignature(Secret.of(TOKEN)).verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
                "1409659589", "263014780", echostr));
        assertEquals("1616140317555161061", new WeixinCipher(Secret.of(AES_KEY), CORP_ID).decrypt(echostr));
    }

    @Test
    void answersTheEchostrCheckWithTheDecryptedText() throws Exception {
        fixture.close();
        fixture = TestBot.forOneConnector(Instant.ofEpochSecond(1409659589));
        start(Optional.of(CORP_ID));
        String echostr = URLEncoder.encode(
                "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==", StandardCharsets.UTF_8);

        HttpResponse<String> response = fixture.send(fixture.request(WeComConnector.PATH
                + "?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr="
                + echostr).GET().build());

        assertEquals(200, response.statusCode());
        assertEquals("1616140317555161061", response.body());
    }

    @Test
    void decryptsWxJavasCiphertextsAndWxJavaDecryptsOurs() throws Exception {
        String message = appMessage("1", "lilei", "跨机房 " + "长".repeat(300));
        WeixinCipher ours = new WeixinCipher(Secret.of(AES_KEY), CORP_ID);
        WxCryptUtil theirs = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID);

        assertEquals(message, ours.decrypt(theirs.encrypt("a1b2c3d4e5f6g7h8", message)));
        assertEquals(message, theirs.decrypt(ours.encrypt(message)));
    }

    @Test
    void needsItsOwnUnpaddingBecauseTheJdksPkcs5PaddingRejectsWeComs32BytePadding() throws Exception {
        // 16 + 4 + 9 + 18 = 47 bytes: WeCom pads 17 bytes to reach 64, more than a 16-byte block allows
        String cipherText = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID).encrypt("a1b2c3d4e5f6g7h8", "123456789");
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        Cipher pkcs5 = Cipher.getInstance("AES/CBC/PKCS5Padding");
        pkcs5.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));

        assertThrows(BadPaddingException.class, () -> pkcs5.doFinal(Base64.getDecoder().decode(cipherText)));
        assertEquals("123456789", new WeixinCipher(Secret.of(AES_KEY), CORP_ID).decrypt(cipherText));
    }

    @Test
    void answersAnAppMessageThroughTheGroupRobotMentioningTheAsker() throws Exception {
        start(Optional.of(CORP_ID));

        HttpResponse<String> response = postApp(appMessage("m-1", "lilei", "raft 能跨机房部署吗"), now, AES_KEY);

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        RecordingPlatformApi.Recorded post = fixture.api.next(WEBHOOK_PATH);
        assertEquals("robot-key-1", post.queryParameter("key"));
        JsonNode body = post.json();
        assertEquals("markdown", body.get("msgtype").asText());
        assertTrue(body.at("/markdown/content").asText().startsWith("<@lilei> 跨机房不需要特殊支持"), body.toString());
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersAMessageWhoseCreateTimeIsAHugeNumber(String hostile) throws Exception {
        start(Optional.of(CORP_ID));
        String inner = appMessage("m-huge", "lilei", "raft 能跨机房部署吗")
                .replace("<CreateTime>1348831860</CreateTime>", "<CreateTime>" + hostile + "</CreateTime>");
        assertTrue(inner.contains(hostile), "the documented message carries a CreateTime to replace");

        assertEquals(200, postApp(inner, now, AES_KEY).statusCode());

        assertTrue(fixture.api.next(WEBHOOK_PATH).json().at("/markdown/content").asText().contains("跨机房不需要特殊支持"));
    }

    @Test
    void refusesACorrectlySignedRequest2To63SecondsOldOrAtTheEndsOfTheNumberRange() throws Exception {
        start(Optional.of(CORP_ID));
        long nowSeconds = TestBot.NOW.getEpochSecond();
        for (long timestamp : new long[] {nowSeconds + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0}) {
            HttpResponse<String> response = postApp(appMessage("m-old", "lilei", "raft 能跨机房部署吗"),
                    Long.toString(timestamp), AES_KEY);

            assertEquals(401, response.statusCode(), timestamp + ": " + response.body());
        }
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void answersAnAiBotMessageThroughItsResponseUrl() throws Exception {
        start(Optional.empty());
        String encrypt = aiBotEncrypted("raft 能跨机房部署吗");

        HttpResponse<String> response = post("{\"encrypt\":\"" + encrypt + "\"}", now, SHA1.gen(TOKEN, now, "1372623149", encrypt));

        assertEquals(200, response.statusCode());
        RecordingPlatformApi.Recorded post = fixture.api.next("/cgi-bin/aibot/response");
        assertEquals("rc-1", post.queryParameter("response_code"));
        assertTrue(post.json().at("/markdown/content").asText().startsWith("<@lilei> 跨机房不需要特殊支持"), post.text());
        assertTrue(fixture.api.all(WEBHOOK_PATH).isEmpty());
    }

    @Test
    void refusesAJsonEnvelopeThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        start(Optional.empty());
        String encrypt = aiBotEncrypted("raft 能跨机房部署吗");
        String envelope = "{\"encrypt\":\"" + encrypt + "\"}";
        String signature = SHA1.gen(TOKEN, now, "1372623149", encrypt);
        assertEquals(200, post(envelope, now, signature).statusCode());
        fixture.api.next("/cgi-bin/aibot/response");

        HttpResponse<String> response = fixture.send(fixture.request(WeComConnector.PATH + "?msg_signature=" + signature
                        + "&timestamp=" + now + "&nonce=1372623149")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PaddedNames.withPaddedName(envelope, "encrypt"))).build());

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("{\"error\":\"body is not UTF-8 (byte 0xFF at offset 6)\"}", response.body());
        assertNull(fixture.api.nextWithin(300));
        assertEquals(1, fixture.matcher.calls());
    }

    @Test
    void escalatesAnUnknownQuestionAndPostsTheMaintainersAnswerThroughTheGroupRobot() throws Exception {
        start(Optional.of(CORP_ID));

        assertEquals(200, postApp(appMessage("m-2", "lilei", "how do I build?"), now, AES_KEY).statusCode());

        Escalation escalation = fixture.escalations.next();
        assertEquals("how do I build?", escalation.question());
        fixture.answer(escalation.id(), "用 **mvn package**。");
        String content = fixture.api.next(WEBHOOK_PATH).json().at("/markdown/content").asText();
        assertEquals("<@lilei> 用 **mvn package**。", content);
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        WeComConnector connector = start(Optional.of(CORP_ID));

        connector.sender().send(OutboundMessage.post(Platform.WECOM, "wrMaintainers", null, "New question #7",
                OutboundMessage.Author.BOT, "announce-7-1")).get(10, TimeUnit.SECONDS);

        RecordingPlatformApi.Recorded post = fixture.api.next(WEBHOOK_PATH);
        assertEquals("robot-key-1", post.queryParameter("key"));
        assertEquals("markdown", post.json().get("msgtype").asText());
        assertEquals("New question #7", post.json().at("/markdown/content").asText());
    }

    @Test
    void answersARedeliveredMessageOnlyOnce() throws Exception {
        start(Optional.of(CORP_ID));

        assertEquals(200, postApp(appMessage("m-3", "lilei", "raft 能跨机房部署吗"), now, AES_KEY).statusCode());
        fixture.api.next(WEBHOOK_PATH);
        assertEquals(200, postApp(appMessage("m-3", "lilei", "raft 能跨机房部署吗"), now, AES_KEY).statusCode());
        assertEquals(200, postApp(appMessage("m-4", "hanmeimei", "跨机房怎么部署"), now, AES_KEY).statusCode());
        fixture.api.next(WEBHOOK_PATH);

        assertEquals(2, fixture.api.all(WEBHOOK_PATH).size());
    }

    @Test
    void refusesABadSignature() throws Exception {
        start(Optional.of(CORP_ID));
        String encrypt = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID).encrypt("a1b2c3d4e5f6g7h8", appMessage("m-5", "u", "跨机房"));

        HttpResponse<String> response = post("<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>", now,
                SHA1.gen("another-token", now, "1372623149", encrypt));

        assertEquals(401, response.statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesAnExpiredTimestamp() throws Exception {
        start(Optional.of(CORP_ID));
        String stale = Long.toString(TestBot.NOW.getEpochSecond() - WeComConnector.MAX_SKEW.toSeconds() - 1);

        assertEquals(401, postApp(appMessage("m-6", "u", "跨机房"), stale, AES_KEY).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesAMessageEncryptedWithAnotherKey() throws Exception {
        start(Optional.of(CORP_ID));
        String otherKey = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]).substring(0, 43);

        HttpResponse<String> response = postApp(appMessage("m-7", "u", "跨机房"), now, otherKey);

        assertEquals(401, response.statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesATruncatedCiphertext() throws Exception {
        start(Optional.of(CORP_ID));
        String encrypt = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID).encrypt("a1b2c3d4e5f6g7h8", appMessage("m-8", "u", "跨机房"))
                .substring(0, 50);

        HttpResponse<String> response = post("<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>", now,
                SHA1.gen(TOKEN, now, "1372623149", encrypt));

        assertEquals(401, response.statusCode());
        assertThrows(WeixinCryptoException.class, () -> new WeixinCipher(Secret.of(AES_KEY), CORP_ID).decrypt(encrypt));
    }

    @Test
    void refusesAMessageForAnotherCorp() throws Exception {
        start(Optional.of(CORP_ID));
        String encrypt = new WxCryptUtil(TOKEN, AES_KEY, "wwanothercorp").encrypt("a1b2c3d4e5f6g7h8", appMessage("m-9", "u", "跨机房"));

        assertEquals(401, post("<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>", now,
                SHA1.gen(TOKEN, now, "1372623149", encrypt)).statusCode());
    }

    @Test
    void acknowledgesAndIgnoresEvents() throws Exception {
        start(Optional.of(CORP_ID));
        String event = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[lilei]]></FromUserName>"
                + "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event>"
                + "<AgentID>1</AgentID></xml>";

        assertEquals(200, postApp(event, now, AES_KEY).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesXmlWithADoctypeSoExternalEntitiesAreNeverRead() throws Exception {
        start(Optional.of(CORP_ID));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&e;</Encrypt></xml>";

        HttpResponse<String> response = post(xxe, now, "0");

        assertEquals(400, response.statusCode());
        assertTrue(!response.body().contains("root:"), response.body());
    }
}
