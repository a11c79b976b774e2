package io.qabot.connectors.wechat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.config.WeChatConfig;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.weixin.WeixinCipher;
import io.qabot.connectors.weixin.WeixinSignature;
import io.qabot.connectors.xml.FlatXml;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as the decrypted push of an Official Account in safe mode: encrypted for the AppID,
 * put in the XML envelope, with {@code signature} and {@code msg_signature} right, so every
 * input reaches the XML reader and the message decoder: a 200 (a passive reply, or
 * {@code success}), or a 400 with a JSON reason, and never a 401. Seeds: the golden pushes in
 * {@code src/test/resources/wechat/}.
 */
class WeChatPushFuzzTest {
    private static final String TOKEN = "pamtest";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String NONCE = "1320562132";
    private static final WeixinCipher CIPHER = new WeixinCipher(Secret.of(AES_KEY), APP_ID);

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyEncryptedSignedPushIsAnsweredOrRefusedWithAReason(byte[] input) {
        // bytes, not a String parameter: Jazzer reads a String seed in its own encoding (a length, a
        // null marker), so the text files of this corpus were replayed cut and padded, not as written
        String message = new String(input, StandardCharsets.UTF_8);
        var connector = new WeChatConnector(new WeChatConfig(APP_ID, Optional.of(Secret.of("app-secret")), Secret.of(TOKEN),
                Optional.of(Secret.of(AES_KEY)), FuzzedPlatform.api()), FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT,
                FuzzedPlatform.CLOCK, null, PassiveDeadline.after(WeChatConnector.PASSIVE_DEADLINE));
        String encrypt = CIPHER.encrypt(message);
        String timestamp = Long.toString(FuzzedPlatform.NOW.getEpochSecond());
        var signature = new WeixinSignature(Secret.of(TOKEN));
        byte[] body = ("<xml><ToUserName>" + FlatXml.cdata("gh_fuzz") + "</ToUserName><Encrypt>" + FlatXml.cdata(encrypt)
                + "</Encrypt></xml>").getBytes(StandardCharsets.UTF_8);
        var request = new RouteRequest(HttpMethod.POST, WeChatConnector.PATH, Map.of(
                "signature", List.of(signature.sign(timestamp, NONCE)), "timestamp", List.of(timestamp),
                "nonce", List.of(NONCE), "encrypt_type", List.of("aes"), "openid", List.of("o-fuzz"),
                "msg_signature", List.of(signature.sign(timestamp, NONCE, encrypt))),
                FuzzRequests.with(FuzzRequests.headers(), "Content-Type", "text/xml"), body,
                new InetSocketAddress("127.0.0.1", 40000));

        var response = RouteContract.answersOrRefusesWithAReason(connector.routes().stream()
                .filter(route -> route.method().equals(HttpMethod.POST)).findFirst().orElseThrow(), request);
        RouteContract.assertNotRefusedAsUnsigned(response);
    }
}
