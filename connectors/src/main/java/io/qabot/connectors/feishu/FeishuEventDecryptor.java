package io.qabot.connectors.feishu;

import io.qabot.config.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts {@code encrypt}: Base64 of {@code iv(16) ‖ AES-256-CBC(PKCS#7, 16-byte blocks)},
 * the key being SHA-256 of the Encrypt Key's UTF-8 bytes. Unlike WeCom, the padding is the
 * ordinary one, so the JDK's PKCS5Padding (which is PKCS#7 for AES) does it.
 */
final class FeishuEventDecryptor {
    private static final String WRONG_KEY = "encrypt does not decrypt with the configured Encrypt Key";
    private final byte[] key;

    FeishuEventDecryptor(Secret encryptKey) {
        try {
            this.key = MessageDigest.getInstance("SHA-256").digest(encryptKey.bytes());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String decrypt(String encrypt) throws FeishuRefusal {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encrypt.strip());
        } catch (IllegalArgumentException e) {
            throw new FeishuRefusal("encrypt is not Base64");
        }
        if (bytes.length < 32 || bytes.length % 16 != 0) {
            throw new FeishuRefusal("encrypt is truncated (" + bytes.length + " bytes)");
        }
        String plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(bytes, 0, 16));
            plain = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(cipher.doFinal(bytes, 16, bytes.length - 16))).toString();
        } catch (GeneralSecurityException | CharacterCodingException e) {
            // another key's ciphertext has valid padding about once in 256 tries, and then decrypts
            // to noise that is almost never UTF-8: that is the same refusal, not "not JSON"
            throw new FeishuRefusal(WRONG_KEY);
        }
        return plain;
    }
}
