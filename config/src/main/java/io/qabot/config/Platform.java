package io.qabot.config;

import java.util.Locale;

/** The chat platforms qabot talks to; {@link #WEBHOOK} is the generic webhook connector. */
public enum Platform {
    WEBHOOK, SLACK, TELEGRAM, DINGTALK, FEISHU, WECOM, WECHAT, DISCORD, IRC;

    /** The name used in the configuration, in routes ({@code /hooks/slack}) and in JSON. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
