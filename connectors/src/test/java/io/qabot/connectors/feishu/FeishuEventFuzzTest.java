package io.qabot.connectors.feishu;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.FeishuConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as the decrypted event, encrypted with the Encrypt Key into {@code {"encrypt": …}}
 * and signed with {@code X-Lark-Signature} at the right time, so every input goes through the
 * signature check, the decryptor and the event decoder ({@link FeishuMessage}): a 200, or a
 * 4xx with a JSON reason (a 401 only for what the event itself gets wrong: its verification
 * token). Seeds: the golden events in {@code src/test/resources/feishu/}.
 */
class FeishuEventFuzzTest {
    private static final String ENCRYPT_KEY = "fuzz encrypt key";
    private static final String TOKEN = "v_token_xxx";
    private static final String NONCE = "f7a3c9";
    private static final byte[] IV = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyEncryptedSignedEventIsAnsweredOrRefusedWithAReason(byte[] event) {
        var connector = new FeishuConnector(new FeishuConfig("cli_fuzz", Secret.of("app-secret"), Secret.of(TOKEN),
                Optional.of(Secret.of(ENCRYPT_KEY)), FuzzedPlatform.api()), FuzzedPlatform.pipeline(),
                FuzzedPlatform.CLIENT, FuzzedPlatform.CLOCK);
        byte[] body = ("{\"encrypt\":\"" + encrypt(event) + "\"}").getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(FuzzedPlatform.NOW.getEpochSecond());
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", "application/json; charset=utf-8");
        FuzzRequests.with(headers, "X-Lark-Request-Timestamp", timestamp);
        FuzzRequests.with(headers, "X-Lark-Request-Nonce", NONCE);
        FuzzRequests.with(headers, "X-Lark-Signature",
                new FeishuSignature(Secret.of(ENCRYPT_KEY)).sign(timestamp, NONCE, body));

        var response = RouteContract.answersOrRefusesWithAReason(connector.routes().get(0),
                FuzzRequests.post(FeishuConnector.PATH, headers, body));
        if (response.status() == 401) {
            String reason = RouteContract.reason(response);
            // Feishu encrypts UTF-8 JSON; a plaintext that is not UTF-8 is refused as another key's
            // noise is (the decryptor cannot tell the two apart), which is right
            boolean noise = !utf8(event) && reason.equals("encrypt does not decrypt with the configured Encrypt Key");
            if (!reason.contains("verification token") && !reason.startsWith("decrypted event") && !noise) {
                throw new AssertionError("a correctly encrypted and signed event was refused: " + reason);
            }
        }
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String encrypt(byte[] plaintext) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(ENCRYPT_KEY.getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(IV));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] all = new byte[IV.length + sealed.length];
            System.arraycopy(IV, 0, all, 0, IV.length);
            System.arraycopy(sealed, 0, all, IV.length, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
