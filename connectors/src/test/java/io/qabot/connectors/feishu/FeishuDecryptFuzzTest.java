package io.qabot.connectors.feishu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as an event's {@code encrypt} field: the decryptor returns the plaintext or refuses
 * with a {@link FeishuRefusal} that says why (the route's 401 reason), never another
 * exception. Seeds: the Feishu docs' vector ({@code test key} → {@code hello world}) and
 * truncated, non-Base64 and wrong-length variants.
 */
class FeishuDecryptFuzzTest {
    private static final FeishuEventDecryptor DECRYPTOR = new FeishuEventDecryptor(Secret.of("test key"));

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyCiphertextDecryptsOrIsRefusedWithAReason(byte[] input) {
        // bytes, not a String parameter: Jazzer reads a String seed in its own encoding (a length, a
        // null marker), so the text files of this corpus were replayed cut and padded, not as written
        String encrypt = new String(input, StandardCharsets.UTF_8);
        try {
            assertNotNull(DECRYPTOR.decrypt(encrypt));
        } catch (FeishuRefusal refusal) {
            assertFalse(refusal.getMessage() == null || refusal.getMessage().isBlank(), "a refusal without a reason");
        }
    }
}
