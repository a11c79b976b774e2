package io.qabot.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks {@code sha256=<lowercase hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 * The MAC runs over the raw body bytes, never a re-encoded string, and the comparison takes
 * the same time however many characters match.
 */
final class HmacSigner {
    private static final String ALGORITHM = "HmacSHA256";
    static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    /** Initialised once; each use gets a clone, which skips the provider look-up and key set-up. */
    private final Mac prototype;

    HmacSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.prototype = newMac();
    }

    String sign(String timestamp, byte[] body) {
        Mac mac = mac();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        mac.update(body);
        return PREFIX + HexFormat.of().formatHex(mac.doFinal());
    }

    boolean verify(String signature, String timestamp, byte[] body) {
        if (signature == null || timestamp == null) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        // a Mac is not thread-safe and routes run on several I/O threads: one per use
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
