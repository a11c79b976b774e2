package io.qabot.connectors.feishu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.Secret;
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
    void anyCiphertextDecryptsOrIsRefusedWithAReason(String encrypt) {
        if (encrypt == null) {
            return;   // Jazzer\'s empty input; the code under test is never handed null
        }
        try {
            assertNotNull(DECRYPTOR.decrypt(encrypt));
        } catch (FeishuRefusal refusal) {
            assertFalse(refusal.getMessage() == null || refusal.getMessage().isBlank(), "a refusal without a reason");
        }
    }
}
