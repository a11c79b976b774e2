package io.qabot.connectors.feishu;

import io.qabot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code X-Lark-Signature = lowercase_hex(SHA-256(UTF-8(timestamp + nonce + encryptKey) ‖ rawBody))}:
 * plain SHA-256, not an HMAC, over the body bytes exactly as received.
 */
final class FeishuSignature {
    private final Secret encryptKey;

    FeishuSignature(Secret encryptKey) {
        this.encryptKey = encryptKey;
    }

    String sign(String timestamp, String nonce, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((timestamp + nonce + encryptKey.value()).getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    boolean verify(String signature, String timestamp, String nonce, byte[] body) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
