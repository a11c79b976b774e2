package io.qabot.app;

import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.Connector;
import io.qabot.connectors.dingtalk.DingTalkConnector;
import io.qabot.connectors.discord.DiscordConnector;
import io.qabot.connectors.feishu.FeishuConnector;
import io.qabot.connectors.irc.IrcConnector;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.slack.SlackConnector;
import io.qabot.connectors.telegram.TelegramConnector;
import io.qabot.connectors.webhook.WebhookConnector;
import io.qabot.connectors.webhook.WebhookOptions;
import io.qabot.connectors.wechat.WeChatConnector;
import io.qabot.connectors.wecom.WeComConnector;
import io.qabot.core.Pipeline;
import io.qabot.core.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one table of chat platforms: for each, the connector its configuration section makes.
 * Adding a platform is one entry here (the switch is exhaustive, so the compiler asks for it)
 * besides its configuration section and its connector package.
 */
final class ConnectorTable {
    private ConnectorTable() {
    }

    /** What every connector is built from. */
    record Parts(QabotConfig config, Pipeline pipeline, OutboundClient outbound, Clock clock, Telemetry telemetry) {
    }

    /** The connectors that are on: the generic webhook always (its route answers 404 without a secret), the rest when configured. */
    static List<Connector> build(Parts parts) {
        List<Connector> connectors = new ArrayList<>();
        for (io.qabot.config.Platform platform : io.qabot.config.Platform.values()) {
            connector(platform, parts).ifPresent(connectors::add);
        }
        return connectors;
    }

    private static Optional<Connector> connector(io.qabot.config.Platform platform, Parts p) {
        var on = p.config().connectors();
        // one connection pool; each platform its own bound on posts under way, so one that hangs stalls only itself
        OutboundClient out = p.outbound().forPlatform(ConfigTerms.platform(platform));
        return switch (platform) {
            case WEBHOOK -> Optional.of(new WebhookConnector(new WebhookOptions(
                    p.config().webhook().secret().map(Secret::value).orElse(null),
                    p.config().webhook().callbackUrl().orElse(null), p.config().webhook().maxSkew()),
                    p.pipeline(), out, p.clock()));
            case DINGTALK -> on.dingtalk().map(c -> new DingTalkConnector(c, p.pipeline(), out, p.clock()));
            case FEISHU -> on.feishu().map(c -> new FeishuConnector(c, p.pipeline(), out, p.clock()));
            case WECOM -> on.wecom().map(c -> new WeComConnector(c, p.pipeline(), out, p.clock()));
            case WECHAT -> on.wechat().map(c -> new WeChatConnector(c, p.pipeline(), out, p.clock(),
                    p.config().dataDir().resolve("wechat-answers.jsonl")));
            case SLACK -> on.slack().map(c -> new SlackConnector(c, p.pipeline(), out, p.clock()));
            case TELEGRAM -> on.telegram().map(c -> new TelegramConnector(c, p.pipeline(), out, p.clock()));
            case DISCORD -> on.discord().map(c -> new DiscordConnector(c, p.pipeline(), out, p.clock()));
            case IRC -> on.irc().map(c -> new IrcConnector(c, p.pipeline(), p.clock(), p.telemetry()));
        };
    }
}
