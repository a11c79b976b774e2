package io.qabot.connectors.feishu;

/** Why an event is not accepted as Feishu's; becomes the 401's reason. */
final class FeishuRefusal extends Exception {
    FeishuRefusal(String reason) {
        super(reason, null, false, false);
    }
}
