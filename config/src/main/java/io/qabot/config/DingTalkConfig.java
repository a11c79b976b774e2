package io.qabot.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.dingtalk}: an enterprise-internal app robot, by HTTP callback at
 * {@code /hooks/dingtalk} or by Stream mode, plus an optional send-only custom group robot.
 *
 * @param appKey the app's key (its client id; not a secret)
 * @param appSecret signs callbacks and obtains access tokens
 * @param robotCode the robot's code for OpenAPI group sends; defaults to {@code appKey}, which
 *     is what DingTalk assigns to an app's own robot
 * @param apiUrl the OpenAPI base, {@code https://api.dingtalk.com}
 * @param mode {@link Mode#CALLBACK} (the default) or {@link Mode#STREAM}
 * @param customRobotWebhook the custom robot's {@code …/robot/send?access_token=…} URL for
 *     announcements; a secret because the access token is in the URL
 * @param customRobotSecret the custom robot's {@code SEC…} signing secret, if it signs
 */
public record DingTalkConfig(
        String appKey,
        Secret appSecret,
        String robotCode,
        URI apiUrl,
        Mode mode,
        Optional<Secret> customRobotWebhook,
        Optional<Secret> customRobotSecret) {

    /** How robot messages arrive: HTTP POSTs to us, or a WebSocket we open (no public URL needed). */
    public enum Mode { CALLBACK, STREAM }

    public DingTalkConfig {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(robotCode, "robotCode");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(customRobotWebhook, "customRobotWebhook");
        Objects.requireNonNull(customRobotSecret, "customRobotSecret");
    }
}
