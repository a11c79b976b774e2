package io.qabot.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential read from the configuration: a token, a signing key, a URL that carries an
 * access key. It is a class rather than a record so that {@link #toString()} (and with it the
 * {@code toString()} of every config record that holds one) can never print the value, and so
 * that {@link #equals} compares in constant time.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-empty value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The secret itself; hand it only to the code that signs, verifies or authenticates. */
    public String value() {
        return value;
    }

    /** The UTF-8 bytes of the value, a fresh copy each call (HMAC keys want bytes, not strings). */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code candidate} equals this secret, compared in constant time so that a caller
     * checking a bearer token or a shared webhook token leaks nothing through timing.
     */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(bytes(), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && matches(that.value);
    }

    @Override
    public int hashCode() {
        // Constant: a hash of the value would be a (weak) fingerprint of it in heap dumps and logs.
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
