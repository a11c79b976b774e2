package io.qabot.connectors.weixin;

import io.qabot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code lowercase_hex(SHA-1(concat(sort([token, part…]))))}: the Official Account's plain
 * {@code signature} sorts token, timestamp and nonce; {@code msg_signature} adds the ciphertext.
 */
public final class WeixinSignature {
    private final Secret token;

    public WeixinSignature(Secret token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    public String sign(String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = token.value();
        System.arraycopy(parts, 0, all, 1, parts.length);
        // the platform sorts by plain string order, the same as String.compareTo for its ASCII parts
        Arrays.sort(all);
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        for (String part : all) {
            sha1.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** Whether {@code signature} signs {@code parts}, compared in constant time; false for any null. */
    public boolean verify(String signature, String... parts) {
        if (signature == null) {
            return false;
        }
        for (String part : parts) {
            if (part == null) {
                return false;
            }
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
