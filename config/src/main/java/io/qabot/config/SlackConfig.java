package io.qabot.config;

import java.net.URI;
import java.util.Objects;

/**
 * {@code connectors.slack}: the Events API at {@code /hooks/slack}, replies with {@code chat.postMessage}.
 *
 * @param signingSecret verifies {@code X-Slack-Signature}
 * @param botToken the {@code xoxb-} token for {@code chat.postMessage}
 * @param apiUrl the Web API base, {@code https://slack.com/api}
 */
public record SlackConfig(Secret signingSecret, Secret botToken, URI apiUrl) {
    public SlackConfig {
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }
}
