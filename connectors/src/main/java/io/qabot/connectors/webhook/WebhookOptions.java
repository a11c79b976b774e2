package io.qabot.connectors.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * @param secret      the HMAC key; null or blank turns the connector off
 * @param callbackUrl where later replies are POSTed; null when there is none
 * @param maxSkew     how far {@code X-Qabot-Timestamp} may be from now, either way
 */
public record WebhookOptions(String secret, URI callbackUrl, Duration maxSkew) {
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(300);

    public WebhookOptions {
        Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxSkew.isNegative() || maxSkew.isZero()) {
            throw new IllegalArgumentException("maxSkew must be positive: " + maxSkew);
        }
        secret = secret == null || secret.isBlank() ? null : secret;
    }

    public static WebhookOptions of(String secret, URI callbackUrl) {
        return new WebhookOptions(secret, callbackUrl, DEFAULT_MAX_SKEW);
    }

    public boolean enabled() {
        return secret != null;
    }

    public Optional<URI> callback() {
        return Optional.ofNullable(callbackUrl);
    }

    /** Never shows the secret: options get logged at start-up. */
    @Override
    public String toString() {
        return "WebhookOptions[secret=" + (secret == null ? "none" : "***") + ", callbackUrl=" + callbackUrl
                + ", maxSkew=" + maxSkew + "]";
    }
}
