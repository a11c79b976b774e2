package io.qabot.core.reply;

/** The markup a chat platform renders. */
public enum Dialect {
    /** No markup: links are written out, emphasis dropped. Feishu text, IRC, WeChat. */
    PLAIN,
    /** CommonMark: the generic webhook, Discord, WeCom markdown. */
    COMMONMARK,
    /** Slack mrkdwn: {@code *bold*}, {@code <url|text>}, {@code &amp;} escapes. */
    SLACK_MRKDWN,
    /** Telegram's {@code parse_mode=HTML}: the tags it accepts, the rest escaped. */
    TELEGRAM_HTML,
    /** DingTalk's markdown subset: no code highlighting, line breaks need two trailing spaces. */
    DINGTALK_MARKDOWN,
    /** Feishu/Lark {@code text} messages: plain text, but a mention is an {@code <at user_id="…">} tag that notifies. */
    FEISHU_TEXT,
    /** WeCom robot markdown: no escapes, no code blocks; {@code <@userid>} mentions and notifies. */
    WECOM_MARKDOWN,
    /** WeChat Official Account text: plain, and no mention, because every reply goes to the one reader who asked. */
    WECHAT_TEXT;

    /**
     * {@code text} written so that this dialect shows exactly it: no markup, mention or link
     * target comes out of it, whoever wrote it. For what an asker wrote when it goes where
     * others read it (the maintainers' announcements).
     */
    public String literal(String text) {
        return MarkupWriter.of(this).literal(text);
    }

    /** One line of someone else's text, {@link #literal}, as a quotation in this dialect. */
    public String quoted(String line) {
        MarkupWriter writer = MarkupWriter.of(this);
        return writer.quote(writer.literal(line));
    }
}
