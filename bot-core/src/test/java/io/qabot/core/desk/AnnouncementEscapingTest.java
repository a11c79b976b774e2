package io.qabot.core.desk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.reply.Dialect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The probe's case: an asker's chat name and question full of the maintainers' platform's
 * markup reach the maintainers' chat as text, in each dialect, in announcements and summaries.
 */
class AnnouncementEscapingTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String QUESTION = "<!channel> <@U0ADMIN> how? <https://evil.example/login|https://github.com/sofastack/sofa-jraft>"
            + " & <a href=\"https://evil.example\">docs</a> [the docs](https://evil.example) <at user_id=\"all\"></at> <@all>";
    private static final Escalation ESCALATION = new Escalation(7, Escalation.Status.OPEN, QUESTION,
            List.of(new Asker(Platform.WEBHOOK, "grp <!here>", null, new Sender("u1", "Ann"), "m-1", NOW)), NOW,
            Optional.empty());

    private static String announced(Dialect dialect) {
        return Announcer.text(new Announcement(ESCALATION, false), dialect) + "\n"
                + Announcer.summary(List.of(ListedEscalation.of(ESCALATION)), NOW, dialect);
    }

    @Test
    void slackSeesNoChannelPingNoMentionAndNoDisguisedLink() {
        String text = announced(Dialect.SLACK_MRKDWN);

        assertFalse(text.contains("<!channel>") || text.contains("<!here>"), text);
        assertFalse(text.contains("<@U0ADMIN>") || text.contains("<https://evil"), text);
        assertTrue(text.contains("&lt;!channel&gt;") && text.contains("&lt;!here&gt;") && text.contains(" &amp; "), text);
        assertTrue(text.contains("/answer 7"), text);
    }

    @Test
    void telegramHtmlGetsEveryAngleBracketAndAmpersandEscapedSoThePostCannotFailOrLink() {
        String text = announced(Dialect.TELEGRAM_HTML);

        assertFalse(text.contains("<a href"), text);
        assertTrue(text.contains("&lt;a href=\"https://evil.example\"&gt;") && text.contains(" &amp; "), text);
        // the only tags left are the dialect's own quotation
        assertTrue(text.replace("<blockquote>", "").replace("</blockquote>", "").indexOf('<') < 0, text);
    }

    @Test
    void dingTalkAndWeComMarkdownGetNoLinkAndNoMention() {
        for (Dialect dialect : List.of(Dialect.DINGTALK_MARKDOWN, Dialect.WECOM_MARKDOWN)) {
            String text = announced(dialect);

            assertFalse(text.contains("](") || text.contains("[the docs]"), dialect + ": " + text);
            assertFalse(text.contains("<@") || text.contains("<a ") || text.contains("<https"), dialect + ": " + text);
            assertTrue(text.contains("［the docs］（https://evil.example）"), dialect + ": " + text);
        }
    }

    @Test
    void feishuTextCannotMentionTheWholeGroup() {
        String text = announced(Dialect.FEISHU_TEXT);

        assertFalse(text.contains("<at "), text);
        assertTrue(text.contains("＜at user_id=\"all\"＞"), text);
    }

    @Test
    void commonMarkEscapesLinksAndAutolinks() {
        String text = announced(Dialect.COMMONMARK);

        assertFalse(text.contains("[the docs](") || text.replace("\\<", "").contains("<https://evil"), text);
        assertTrue(text.contains("\\[the docs\\](https://evil.example)"), text);
    }
}
