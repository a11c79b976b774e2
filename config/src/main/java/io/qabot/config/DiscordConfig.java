package io.qabot.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.discord}: messages through the Gateway, slash commands as interactions at
 * {@code /hooks/discord}.
 *
 * @param publicKey the application's Ed25519 public key (64 hex characters; public, so not a
 *     {@link Secret}); without it {@code /hooks/discord} is off and only the Gateway is used
 * @param botToken the bot token for the Gateway's Identify and for {@code Authorization: Bot …}
 * @param apiUrl the REST base, {@code https://discord.com/api/v10}
 * @param gatewayUrl the Gateway, {@code wss://gateway.discord.gg}
 */
public record DiscordConfig(Optional<String> publicKey, Secret botToken, URI apiUrl, URI gatewayUrl) {
    public DiscordConfig {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    }
}
