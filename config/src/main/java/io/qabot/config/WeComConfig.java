package io.qabot.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.wecom}: a WeCom (企业微信) bot's encrypted callback at {@code /hooks/wecom}.
 *
 * @param corpId the CorpID, which classic app callbacks carry as the receive id; the AI bot's
 *     callbacks use an empty receive id, so it is optional
 * @param token signs callbacks ({@code msg_signature})
 * @param encodingAesKey the 43-character key the callbacks are encrypted with
 * @param apiUrl the server API base, {@code https://qyapi.weixin.qq.com}
 * @param webhookUrl a send-only group robot's {@code …/webhook/send?key=…} URL for
 *     announcements; a secret because the key in the URL is the robot's only credential
 */
public record WeComConfig(
        Optional<String> corpId,
        Secret token,
        Secret encodingAesKey,
        URI apiUrl,
        Optional<Secret> webhookUrl) {

    public WeComConfig {
        Objects.requireNonNull(corpId, "corpId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
    }
}
