package io.qabot.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.wechat}: a WeChat Official Account's message push at {@code /hooks/wechat}.
 *
 * @param appId the account's AppID (not a secret)
 * @param appSecret obtains access tokens for messages sent later (a maintainer's answer);
 *     without it the bot can only reply passively, within the push's 5 s
 * @param token signs every push
 * @param encodingAesKey the 43-character key for the "safe" (encrypted) message mode; absent
 *     in plaintext mode
 * @param apiUrl the API base, {@code https://api.weixin.qq.com}
 */
public record WeChatConfig(
        String appId,
        Optional<Secret> appSecret,
        Secret token,
        Optional<Secret> encodingAesKey,
        URI apiUrl) {

    public WeChatConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }
}
