package io.qabot.core;

import io.qabot.core.reply.Dialect;
import java.time.Duration;
import java.util.Locale;

/**
 * The chat platforms qabot talks to, with what the pipeline must know about each: its
 * markup dialect, how long a reply may be, whether replies can go into a thread, and the
 * outbound limits that keep the bot under the platform's throttling.
 *
 * <p>Limits come from the platforms survey (docs/platforms.md); where it found no number
 * the value is a conservative guess, marked so. Operators can override the rates.
 */
public enum Platform {
    /** The generic webhook: the caller posts the reply itself, so limits only guard against floods. */
    WEBHOOK(Dialect.COMMONMARK, 4_000, true, Rate.perMinute(60), Rate.perSecond(1_000)),
    /** ~1 message/s per channel; 40k characters. */
    SLACK(Dialect.SLACK_MRKDWN, 40_000, true, Rate.perSecond(1), Rate.perSecond(50)),
    /** 20 messages/min to one group, ~30/s overall; 4096 characters after entity parsing. */
    TELEGRAM(Dialect.TELEGRAM_HTML, 4_096, true, Rate.perMinute(20), Rate.perSecond(30)),
    /**
     * 20 messages/min per robot, and exceeding it silences the robot for 10 minutes, so the
     * whole platform shares one bucket. No documented length limit: 4000 is a guess.
     */
    DINGTALK(Dialect.DINGTALK_MARKDOWN, 4_000, false, Rate.perMinute(20), Rate.perMinute(20)),
    /** 5 QPS per group; text messages have no markdown but notify with at tags. Tenant-wide rate is a guess. */
    FEISHU(Dialect.FEISHU_TEXT, 10_000, true, Rate.perSecond(5), Rate.perSecond(50)),
    /** 20 messages/min per robot; markdown.content is at most 4096 bytes (~1300 CJK characters). */
    WECOM(Dialect.WECOM_MARKDOWN, 1_300, false, Rate.perMinute(20), Rate.perMinute(20)),
    /** WeChat Official Account text replies, one reader at a time; length and rate are guesses. */
    WECHAT(Dialect.WECHAT_TEXT, 600, false, Rate.perMinute(20), Rate.perSecond(10)),
    /** 2000 characters; 50 requests/s per bot; per-channel rate is a guess (5 per 5 s). */
    DISCORD(Dialect.COMMONMARK, 2_000, true, new Rate(5, Duration.ofSeconds(5)), Rate.perSecond(50)),
    /** 512 bytes per line including the prefix; flood control allows about one line per 2 s. */
    IRC(Dialect.PLAIN, 400, false, Rate.perMinute(30), Rate.perMinute(30));

    private final Dialect dialect;
    private final int maxReplyChars;
    private final boolean threads;
    private final Rate chatRate;
    private final Rate platformRate;

    Platform(Dialect dialect, int maxReplyChars, boolean threads, Rate chatRate, Rate platformRate) {
        this.dialect = dialect;
        this.maxReplyChars = maxReplyChars;
        this.threads = threads;
        this.chatRate = chatRate;
        this.platformRate = platformRate;
    }

    /** The lower-case name used in routes, JSON and configuration: {@code /hooks/slack}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromWireName(String name) {
        for (Platform platform : values()) {
            if (platform.wireName().equals(name)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("unknown platform: " + name);
    }

    public Dialect dialect() {
        return dialect;
    }

    public int maxReplyChars() {
        return maxReplyChars;
    }

    /** Whether a reply can be posted into the asker's thread. */
    public boolean threads() {
        return threads;
    }

    /** The default outbound rate into one chat. */
    public Rate chatRate() {
        return chatRate;
    }

    /** The default outbound rate for the whole platform (one bot account). */
    public Rate platformRate() {
        return platformRate;
    }
}
