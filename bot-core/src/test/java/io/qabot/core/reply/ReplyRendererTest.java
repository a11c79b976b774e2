package io.qabot.core.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.knowledge.Source;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {
    private static final Source SOURCE = new Source("sofa-weekly-20191101.md", "SOFA Weekly | 每周精选",
            LocalDate.of(2019, 11, 1), "https://www.sofastack.tech/blog/sofa-weekly-20191101/");
    private static final Answer ANSWER = new Answer(
            "用 **1.3.0** 以上版本，配置 `electionTimeoutMs`，见 [文档](https://www.sofastack.tech/projects/sofa-jraft/) 。",
            List.of("https://github.com/sofastack/sofa-jraft"), SOURCE);
    private static final Addressee ANN = new Addressee("U07", "Ann <dev>");

    private static String render(Dialect dialect, Answer answer, Addressee addressee) {
        return ReplyRenderer.of(dialect, 4_000).render(answer, addressee);
    }

    @Test
    void writesCommonMarkWithTheAskerLinksAndSource() {
        assertEquals("""
                @Ann \\<dev\\> 用 **1.3.0** 以上版本，配置 `electionTimeoutMs`，见 [文档](https://www.sofastack.tech/projects/sofa-jraft/) 。

                Links: <https://github.com/sofastack/sofa-jraft>
                Source: [SOFA Weekly \\| 每周精选](https://www.sofastack.tech/blog/sofa-weekly-20191101/) (2019-11-01)""",
                render(Dialect.COMMONMARK, ANSWER, ANN));
    }

    @Test
    void aLinkTheAnswerAlreadyShowsIsNotRepeatedUnderLinks() {
        Answer answer = new Answer("见 https://github.com/sofastack/sofa-jraft/ 和 [issue](https://github.com/sofastack/sofa-rpc/issues/12)。",
                List.of("https://github.com/sofastack/sofa-jraft", "https://github.com/sofastack/sofa-rpc",
                        "https://github.com/sofastack/sofa-rpc/issues/12"), null);

        String text = render(Dialect.PLAIN, answer, null);

        assertEquals("见 https://github.com/sofastack/sofa-jraft/ 和 issue (https://github.com/sofastack/sofa-rpc/issues/12)。\n\n"
                + "Links: https://github.com/sofastack/sofa-rpc", text);
    }

    @Test
    void writesSlackMrkdwnWithAnIdMentionAndAngleBracketLinks() {
        assertEquals("""
                <@U07> 用 *1.3.0* 以上版本，配置 `electionTimeoutMs`，见 <https://www.sofastack.tech/projects/sofa-jraft/|文档> 。

                Links: <https://github.com/sofastack/sofa-jraft>
                Source: <https://www.sofastack.tech/blog/sofa-weekly-20191101/|SOFA Weekly %7C 每周精选> (2019-11-01)"""
                        .replace("%7C", "|"),
                render(Dialect.SLACK_MRKDWN, ANSWER, ANN));
    }

    @Test
    void writesTelegramHtmlEscapingEverythingOutsideItsTags() {
        String html = render(Dialect.TELEGRAM_HTML, ANSWER, new Addressee("51234567", "Ann <dev>"));

        assertTrue(html.startsWith("<a href=\"tg://user?id=51234567\">Ann &lt;dev&gt;</a> 用 <b>1.3.0</b> 以上版本，配置 <code>electionTimeoutMs</code>"), html);
        assertTrue(html.contains("<a href=\"https://www.sofastack.tech/projects/sofa-jraft/\">文档</a>"), html);
    }

    @Test
    void writesDingTalkMarkdownWithoutCodeAndWithHardLineBreaks() {
        Answer twoLines = new Answer("第一行 `code`\n第二行", List.of(), SOURCE);

        assertEquals("@0123456789 第一行 code  \n第二行\n\nSource: [SOFA Weekly | 每周精选](https://www.sofastack.tech/blog/sofa-weekly-20191101/) (2019-11-01)",
                render(Dialect.DINGTALK_MARKDOWN, twoLines, new Addressee("0123456789", "李雷")));
    }

    @Test
    void writesFeishuTextWithAnAtTagThatNotifiesTheAsker() {
        assertEquals("""
                <at user_id="ou_asker">李雷</at> 用 1.3.0 以上版本，配置 electionTimeoutMs，见 文档 (https://www.sofastack.tech/projects/sofa-jraft/) 。

                Links: https://github.com/sofastack/sofa-jraft
                Source: SOFA Weekly | 每周精选 (2019-11-01) https://www.sofastack.tech/blog/sofa-weekly-20191101/""",
                render(Dialect.FEISHU_TEXT, ANSWER, new Addressee("ou_asker", "李雷")));
    }

    @Test
    void writesWeComMarkdownWithAnIdMentionAndNoEscapes() {
        assertEquals("""
                <@lilei> 用 **1.3.0** 以上版本，配置 `electionTimeoutMs`，见 [文档](https://www.sofastack.tech/projects/sofa-jraft/) 。

                Links: [https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)
                Source: [SOFA Weekly | 每周精选](https://www.sofastack.tech/blog/sofa-weekly-20191101/) (2019-11-01)""",
                render(Dialect.WECOM_MARKDOWN, ANSWER, new Addressee("lilei", "李雷")));
    }

    @Test
    void writesWeChatTextWithoutAMentionBecauseTheConversationIsTheReadersOwn() {
        assertTrue(render(Dialect.WECHAT_TEXT, ANSWER, new Addressee("o6_bmjrPTlm6", "o6_bmjrPTlm6"))
                .startsWith("用 1.3.0 以上版本"));
    }

    @Test
    void writesPlainTextWithLinksSpelledOut() {
        assertEquals("""
                @Ann <dev> 用 1.3.0 以上版本，配置 electionTimeoutMs，见 文档 (https://www.sofastack.tech/projects/sofa-jraft/) 。

                Links: https://github.com/sofastack/sofa-jraft
                Source: SOFA Weekly | 每周精选 (2019-11-01) https://www.sofastack.tech/blog/sofa-weekly-20191101/""",
                render(Dialect.PLAIN, ANSWER, ANN));
    }

    @Test
    void addressesNoOneWhenThereIsNoAsker() {
        assertTrue(render(Dialect.COMMONMARK, ANSWER, null).startsWith("用 **1.3.0**"));
    }

    @Test
    void keepsListsCodeBlocksAndSnakeCaseIntact() {
        Answer answer = new Answer("步骤：\n\n1. 设置 snake_case_name\n2. 重启\n\n```\nbin/start.sh --x *y*\n```", List.of(), null);

        assertEquals("步骤：\n\n1. 设置 snake\\_case\\_name\n2. 重启\n\n```\nbin/start.sh --x *y*\n```",
                render(Dialect.COMMONMARK, answer, null));
    }

    @Test
    void trimsAtTheLastSentenceThatFitsAndKeepsLinksAndSource() {
        String answer = "第一句话说明背景。第二句话给出结论。" + "第三句话很长".repeat(40) + "。";
        ReplyRenderer renderer = ReplyRenderer.of(Dialect.COMMONMARK, 200);

        String reply = renderer.render(new Answer(answer, List.of("https://github.com/sofastack/sofa-jraft"), SOURCE), ANN);

        assertTrue(reply.length() <= 200, reply.length() + ": " + reply);
        assertTrue(reply.startsWith("@Ann \\<dev\\> 第一句话说明背景。第二句话给出结论。…\n\nLinks:"), reply);
        assertTrue(reply.endsWith("(2019-11-01)"), reply);
    }

    @Test
    void trimsWesternTextAfterAFullStopNotInsideANumber() {
        String answer = "Use version 1.3.0 or later. " + "It changes the election timeout handling considerably. ".repeat(10);
        ReplyRenderer renderer = ReplyRenderer.of(Dialect.PLAIN, 120);

        String reply = renderer.render(new Answer(answer, List.of(), null), null);

        assertTrue(reply.length() <= 120, reply);
        assertTrue(reply.endsWith("considerably.…"), reply);
    }

    @Test
    void staysWithinTheLimitWhenMarkupMakesTheTextLongerThanWhatIsSeen() {
        String answer = "**加粗的句子。**".repeat(60);
        ReplyRenderer renderer = ReplyRenderer.of(Dialect.TELEGRAM_HTML, 300);

        String reply = renderer.render(new Answer(answer, List.of(), SOURCE), ANN);

        assertTrue(reply.length() <= 300, reply.length() + ": " + reply);
        assertTrue(reply.contains("</b>…"), reply);
        assertFalse(reply.contains("<b></b>"), reply);
    }

    @Test
    void aLimitTooSmallForAnyReplyIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplyRenderer.of(Dialect.PLAIN, 10));
        assertEquals("maxChars must be at least 40 to hold a reply: 10", e.getMessage());
    }
}
