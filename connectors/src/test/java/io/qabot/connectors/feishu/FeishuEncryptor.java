package io.qabot.connectors.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's side of the encryption, for tests: Feishu's SDK decrypts but has no encryptor,
 * so tests encrypt here and check with the SDK's {@code Decryptor} that the result is what
 * Feishu would send.
 */
final class FeishuEncryptor {
    private FeishuEncryptor() {
    }

    static String encrypt(String encryptKey, String plaintext) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(encryptKey.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[16 + body.length];
        System.arraycopy(iv, 0, all, 0, 16);
        System.arraycopy(body, 0, all, 16, body.length);
        return Base64.getEncoder().encodeToString(all);
    }
}
