package io.qabot.config;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The chat platform connectors; each is present exactly when it is on. A connector is on when
 * its section is in the file or any of its environment variables is set, unless its
 * {@code enabled} setting is {@code false}.
 */
public record ConnectorsConfig(
        Optional<SlackConfig> slack,
        Optional<TelegramConfig> telegram,
        Optional<DingTalkConfig> dingtalk,
        Optional<FeishuConfig> feishu,
        Optional<WeComConfig> wecom,
        Optional<WeChatConfig> wechat,
        Optional<DiscordConfig> discord,
        Optional<IrcConfig> irc) {

    public ConnectorsConfig {
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(dingtalk, "dingtalk");
        Objects.requireNonNull(feishu, "feishu");
        Objects.requireNonNull(wecom, "wecom");
        Objects.requireNonNull(wechat, "wechat");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(irc, "irc");
    }

    /** The platforms whose connector is on (the generic webhook is not among them; see {@link WebhookConfig}). */
    public Set<Platform> enabled() {
        Set<Platform> on = EnumSet.noneOf(Platform.class);
        slack.ifPresent(c -> on.add(Platform.SLACK));
        telegram.ifPresent(c -> on.add(Platform.TELEGRAM));
        dingtalk.ifPresent(c -> on.add(Platform.DINGTALK));
        feishu.ifPresent(c -> on.add(Platform.FEISHU));
        wecom.ifPresent(c -> on.add(Platform.WECOM));
        wechat.ifPresent(c -> on.add(Platform.WECHAT));
        discord.ifPresent(c -> on.add(Platform.DISCORD));
        irc.ifPresent(c -> on.add(Platform.IRC));
        return Set.copyOf(on);
    }
}
