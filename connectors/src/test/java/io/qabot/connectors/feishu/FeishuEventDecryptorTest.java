package io.qabot.connectors.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qabot.config.Secret;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What another key's ciphertext gets: the same refusal whether or not its padding happens to be valid. */
class FeishuEventDecryptorTest {

    @Test
    void anotherKeysCiphertextWhosePaddingHappensToBeValidIsRefusedAsNotDecrypting() throws Exception {
        Secret ours = Secret.of("our-encrypt-key");
        byte[] key = MessageDigest.getInstance("SHA-256").digest(ours.bytes());
        // found once in ~256 tries: noise that our key decrypts with valid padding (seeded, so the same every run)
        Random random = new Random(20261206);
        byte[] blob = new byte[48];
        for (int tries = 0; ; tries++) {
            random.nextBytes(blob);
            try {
                Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(blob, 0, 16));
                cipher.doFinal(blob, 16, 32);
                break;
            } catch (BadPaddingException e) {
                if (tries > 100_000) {
                    throw new AssertionError("no blob with valid padding in 100,000 tries");
                }
            }
        }
        String encrypt = Base64.getEncoder().encodeToString(blob);

        FeishuRefusal refusal = assertThrows(FeishuRefusal.class, () -> new FeishuEventDecryptor(ours).decrypt(encrypt));
        assertEquals("encrypt does not decrypt with the configured Encrypt Key", refusal.getMessage());
    }
}
