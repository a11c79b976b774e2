package io.qabot.connectors.dingtalk;

import io.qabot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))}: how DingTalk signs
 * robot callbacks (with the app secret) and how a custom robot's webhook URL is signed (with
 * its {@code SEC…} secret; URL-encoding the result is the caller's business).
 */
final class DingTalkSignature {
    private final Secret secret;

    DingTalkSignature(Secret secret) {
        this.secret = secret;
    }

    String sign(String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            mac.update(secret.bytes());
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    boolean verify(String timestamp, String sign) {
        if (timestamp == null || sign == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp.strip()).getBytes(StandardCharsets.US_ASCII),
                sign.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
