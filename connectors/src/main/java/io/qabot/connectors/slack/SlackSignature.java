package io.qabot.connectors.slack;

import io.qabot.connectors.time.ReplayWindow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing
 * secret, "v0:" + X-Slack-Request-Timestamp + ":" + body))}, refused when the timestamp is
 * more than five minutes from now either way (Slack's replay window). The MAC runs over the
 * bytes received, not a decoded string, and the comparison takes constant time.
 */
final class SlackSignature {
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ReplayWindow window;

    SlackSignature(byte[] signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret, ALGORITHM);
        this.window = ReplayWindow.seconds(WINDOW, clock);
    }

    /** Why the request is not from Slack, or null when it is. */
    String refusal(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return "missing " + (timestamp == null ? TIMESTAMP : SIGNATURE) + " header";
        }
        String stale = window.refusal(timestamp, TIMESTAMP);
        if (stale != null) {
            return stale;
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))
                ? null : "signature does not match";
    }

    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "v0=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
