package io.qabot.connectors.wecom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.Secret;
import io.qabot.config.WeComConfig;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.weixin.WeixinCipher;
import io.qabot.connectors.weixin.WeixinSignature;
import io.qabot.connectors.xml.FlatXml;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as the decrypted callback (the app's XML or the AI bot's JSON), encrypted for the
 * CorpID with the EncodingAESKey, put in the XML envelope and signed with {@code msg_signature}
 * at the right time, so every input gets through the signature and the cipher to the message
 * decoder ({@link WeComMessage}): a 200, or a 4xx with a JSON reason, and never a 401.
 * Seeds: the golden app message and AI-bot message in {@code src/test/resources/wecom/}.
 */
class WeComCallbackFuzzTest {
    private static final String TOKEN = "QDG6eK";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String CORP_ID = "wx5823bf96d3bd56c7";
    private static final String NONCE = "1372623149";
    private static final WeixinCipher CIPHER = new WeixinCipher(Secret.of(AES_KEY), CORP_ID);

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyEncryptedSignedCallbackIsAnsweredOrRefusedWithAReason(byte[] input) {
        // bytes, not a String parameter: Jazzer reads a String seed in its own encoding (a length, a
        // null marker), so the text files of this corpus were replayed cut and padded, not as written
        String message = new String(input, StandardCharsets.UTF_8);
        var connector = new WeComConnector(new WeComConfig(Optional.of(CORP_ID), Secret.of(TOKEN), Secret.of(AES_KEY),
                FuzzedPlatform.api(), Optional.empty()), FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT,
                FuzzedPlatform.CLOCK);
        String encrypt = CIPHER.encrypt(message);
        String timestamp = Long.toString(FuzzedPlatform.NOW.getEpochSecond());
        String signature = new WeixinSignature(Secret.of(TOKEN)).sign(timestamp, NONCE, encrypt);
        byte[] body = ("<xml><ToUserName>" + FlatXml.cdata(CORP_ID) + "</ToUserName><AgentID>1</AgentID><Encrypt>"
                + FlatXml.cdata(encrypt) + "</Encrypt></xml>").getBytes(StandardCharsets.UTF_8);
        var request = new RouteRequest(HttpMethod.POST, WeComConnector.PATH,
                Map.of("msg_signature", List.of(signature), "timestamp", List.of(timestamp), "nonce", List.of(NONCE)),
                FuzzRequests.with(FuzzRequests.headers(), "Content-Type", "text/xml"), body,
                new InetSocketAddress("127.0.0.1", 40000));

        var response = RouteContract.answersOrRefusesWithAReason(connector.routes().stream()
                .filter(route -> route.method().equals(HttpMethod.POST)).findFirst().orElseThrow(), request);
        RouteContract.assertNotRefusedAsUnsigned(response);
    }
}
