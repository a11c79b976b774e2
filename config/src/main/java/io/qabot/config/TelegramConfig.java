package io.qabot.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.telegram}: the Bot API, by webhook at {@code /hooks/telegram} or by long polling.
 *
 * @param botToken the token BotFather issued; part of every API path ({@code /bot<token>/…})
 * @param secretToken the {@code secret_token} Telegram echoes in
 *     {@code X-Telegram-Bot-Api-Secret-Token}; required in webhook mode, unused when polling
 * @param apiUrl the Bot API base, {@code https://api.telegram.org}
 * @param mode {@link Mode#WEBHOOK} (the default) or {@link Mode#POLLING}
 */
public record TelegramConfig(Secret botToken, Optional<Secret> secretToken, URI apiUrl, Mode mode) {

    /** How updates arrive; Telegram refuses {@code getUpdates} while a webhook is set. */
    public enum Mode { WEBHOOK, POLLING }

    public TelegramConfig {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(secretToken, "secretToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
    }
}
