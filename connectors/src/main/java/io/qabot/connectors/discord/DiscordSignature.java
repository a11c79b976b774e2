package io.qabot.connectors.discord;

import io.qabot.connectors.time.ReplayWindow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks an interaction's {@code X-Signature-Ed25519} over {@code X-Signature-Timestamp}
 * followed by the raw body, with the application's public key. The JDK verifies Ed25519
 * (since 15) but takes keys as X.509 SubjectPublicKeyInfo, so the 32 raw bytes Discord shows
 * get the fixed DER header for an Ed25519 key in front. Discord documents no replay window;
 * timestamps more than five minutes off are refused all the same, so a captured request
 * cannot be replayed later.
 */
final class DiscordSignature {
    static final String SIGNATURE = "X-Signature-Ed25519";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final byte[] X509_ED25519_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;
    private final ReplayWindow window;

    /** @param publicKeyHex the application's public key, 64 hex characters */
    DiscordSignature(String publicKeyHex, Clock clock) {
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(publicKeyHex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connectors.discord.publicKey must be hex: " + e.getMessage(), e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("connectors.discord.publicKey must be 32 bytes (64 hex characters), not "
                    + raw.length);
        }
        byte[] encoded = new byte[X509_ED25519_HEADER.length + raw.length];
        System.arraycopy(X509_ED25519_HEADER, 0, encoded, 0, X509_ED25519_HEADER.length);
        System.arraycopy(raw, 0, encoded, X509_ED25519_HEADER.length, raw.length);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("connectors.discord.publicKey is not an Ed25519 key", e);
        }
        this.window = ReplayWindow.seconds(WINDOW, clock);
    }

    /** Why the request is not from Discord, or null when it is. */
    String refusal(String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || timestamp == null) {
            return "missing " + (signatureHex == null ? SIGNATURE : TIMESTAMP) + " header";
        }
        String stale = window.refusal(timestamp, TIMESTAMP);
        if (stale != null) {
            return stale;
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex.strip());
        } catch (IllegalArgumentException e) {
            return SIGNATURE + " must be hex";
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            // Ed25519 verification does not depend on how much of the signature matches: no timing leak
            return verifier.verify(signature) ? null : "signature does not match";
        } catch (GeneralSecurityException e) {
            return "signature does not verify: " + e.getMessage();
        }
    }
}
