package io.qabot.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The generic webhook connector ({@code POST /hooks/webhook}).
 *
 * @param secret the HMAC-SHA256 key for {@code X-Qabot-Signature}; without it the connector is off
 * @param callbackUrl where later replies (a maintainer's answer) are POSTed, signed the same way
 * @param maxSkew how far {@code X-Qabot-Timestamp} may be from now (300 s)
 */
public record WebhookConfig(Optional<Secret> secret, Optional<URI> callbackUrl, Duration maxSkew) {

    public WebhookConfig {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(maxSkew, "maxSkew");
    }

    /** Whether {@code /hooks/webhook} is served. */
    public boolean enabled() {
        return secret.isPresent();
    }
}
