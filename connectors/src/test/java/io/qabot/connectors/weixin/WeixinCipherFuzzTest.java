package io.qabot.connectors.weixin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as WeCom's or WeChat's {@code Encrypt}: the plaintext, or a
 * {@link WeixinCryptoException} with a reason (the route's 401), never another exception:
 * Base64, block length, the platform's own 32-byte padding, the length header and the
 * receive id are all the attacker's to choose. Seeds: ciphertexts of the golden messages.
 */
class WeixinCipherFuzzTest {
    private static final WeixinCipher CIPHER =
            new WeixinCipher(Secret.of("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"), "wx5823bf96d3bd56c7");

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyCiphertextDecryptsOrIsRefusedWithAReason(byte[] input) {
        // bytes, not a String parameter: Jazzer reads a String seed in its own encoding (a length, a
        // null marker), so the text files of this corpus were replayed cut and padded, not as written
        String encrypt = new String(input, StandardCharsets.UTF_8);
        try {
            assertNotNull(CIPHER.decrypt(encrypt));
        } catch (WeixinCryptoException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal without a reason");
        }
    }
}
