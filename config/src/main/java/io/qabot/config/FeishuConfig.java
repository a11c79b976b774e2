package io.qabot.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.feishu}: Feishu/Lark event subscription at {@code /hooks/feishu}.
 *
 * @param appId the app's id ({@code cli_…}; not a secret)
 * @param appSecret obtains the tenant access token
 * @param verificationToken checked against {@code header.token} of every event
 * @param encryptKey if set, events arrive AES-encrypted and signed with {@code X-Lark-Signature}
 * @param apiUrl the Open API base, {@code https://open.feishu.cn} ({@code https://open.larksuite.com} for Lark)
 */
public record FeishuConfig(
        String appId,
        Secret appSecret,
        Secret verificationToken,
        Optional<Secret> encryptKey,
        URI apiUrl) {

    public FeishuConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verificationToken, "verificationToken");
        Objects.requireNonNull(encryptKey, "encryptKey");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }
}
