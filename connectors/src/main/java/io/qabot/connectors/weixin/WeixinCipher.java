package io.qabot.connectors.weixin;

import io.qabot.config.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts callback messages with the 43-character EncodingAESKey. The key is
 * {@code Base64(EncodingAESKey + "=")} (32 bytes) and the IV its first 16 bytes.
 */
public final class WeixinCipher {
    private static final int BLOCK = 32;

    private final byte[] key;
    private final byte[] receiveId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param receiveId the id the platform appends to every plaintext and that a message must
     *     carry to be accepted: the CorpID for WeCom apps, the AppID for the Official Account,
     *     the empty string for the WeCom AI bot
     */
    public WeixinCipher(Secret encodingAesKey, String receiveId) {
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        this.key = Base64.getDecoder().decode(encodingAesKey.value() + "=");
        if (key.length != 32) {
            throw new IllegalArgumentException("encodingAesKey must decode to 32 bytes, not " + key.length);
        }
        this.receiveId = Objects.requireNonNull(receiveId, "receiveId").getBytes(StandardCharsets.UTF_8);
    }

    /** The message inside {@code base64Ciphertext}; refused when it does not decrypt to a well-formed message for us. */
    public String decrypt(String base64Ciphertext) throws WeixinCryptoException {
        byte[] cipherBytes;
        try {
            cipherBytes = Base64.getDecoder().decode(base64Ciphertext.strip());
        } catch (IllegalArgumentException e) {
            throw new WeixinCryptoException("ciphertext is not Base64");
        }
        if (cipherBytes.length == 0 || cipherBytes.length % 16 != 0) {
            throw new WeixinCryptoException("ciphertext is truncated (" + cipherBytes.length + " bytes)");
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherBytes);
        } catch (GeneralSecurityException e) {
            throw new WeixinCryptoException("ciphertext does not decrypt");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new WeixinCryptoException("bad padding: the key is wrong or the ciphertext damaged");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new WeixinCryptoException("bad padding: the key is wrong or the ciphertext damaged");
            }
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new WeixinCryptoException("plaintext too short for its header");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new WeixinCryptoException("message length " + length + " does not fit the plaintext");
        }
        byte[] from = Arrays.copyOfRange(plain, 20 + length, end);
        if (!MessageDigest.isEqual(from, receiveId)) {
            throw new WeixinCryptoException("message is for another receive id");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /** {@code message} encrypted for the platform, with a fresh random prefix. */
    public String encrypt(String message) {
        byte[] prefix = new byte[16];
        random.nextBytes(prefix);
        return encrypt(prefix, message);
    }

    String encrypt(byte[] prefix, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + text.length + receiveId.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(prefix, 0, 16).putInt(text.length).put(text).put(receiveId);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is in every Java runtime", e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return cipher;
    }
}
