package io.qabot.core.reply;

import io.qabot.core.reply.Markup.Block;
import io.qabot.core.reply.Markup.Code;
import io.qabot.core.reply.Markup.Emphasis;
import io.qabot.core.reply.Markup.Inline;
import io.qabot.core.reply.Markup.Kind;
import io.qabot.core.reply.Markup.LineBreak;
import io.qabot.core.reply.Markup.Link;
import io.qabot.core.reply.Markup.Strong;
import io.qabot.core.reply.Markup.Text;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@link Markup} in one dialect. The walk over blocks and spans is shared; each
 * dialect says only how one span or block looks, and how plain text is escaped so that it
 * cannot turn into markup by accident.
 */
abstract class MarkupWriter {

    static MarkupWriter of(Dialect dialect) {
        return switch (dialect) {
            case PLAIN -> new PlainWriter();
            case COMMONMARK -> new CommonMarkWriter();
            case SLACK_MRKDWN -> new SlackMrkdwnWriter();
            case TELEGRAM_HTML -> new TelegramHtmlWriter();
            case DINGTALK_MARKDOWN -> new DingTalkMarkdownWriter();
            case FEISHU_TEXT -> new FeishuTextWriter();
            case WECOM_MARKDOWN -> new WeComMarkdownWriter();
            case WECHAT_TEXT -> new WeChatTextWriter();
        };
    }

    final String write(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        for (Block block : blocks) {
            if (previous != null) {
                out.append(isListItem(previous) && isListItem(block) ? lineBreak() : paragraphBreak());
            }
            out.append(block(block));
            previous = block;
        }
        return out.toString();
    }

    final String inlines(List<Inline> spans) {
        StringBuilder out = new StringBuilder();
        for (Inline span : spans) {
            if (span instanceof Text t) {
                out.append(escape(t.text()));
            } else if (span instanceof Strong s) {
                out.append(s.text().isBlank() ? escape(s.text()) : strong(s.text()));
            } else if (span instanceof Emphasis e) {
                out.append(e.text().isBlank() ? escape(e.text()) : emphasis(e.text()));
            } else if (span instanceof Code c) {
                out.append(c.text().isEmpty() ? "" : code(c.text()));
            } else if (span instanceof Link l) {
                out.append(safeLink(l.text(), l.url()));
            } else if (span instanceof LineBreak) {
                out.append(lineBreak());
            }
        }
        return out.toString();
    }

    private String block(Block block) {
        if (block.kind() == Kind.CODE_BLOCK) {
            return codeBlock(block.visible());
        }
        String content = inlines(block.inlines());
        return switch (block.kind()) {
            case HEADING -> heading(block.number(), content);
            case BULLET -> "• " + content;
            case ORDERED -> block.number() + ". " + content;
            case QUOTE -> quote(content);
            default -> content;
        };
    }

    private static boolean isListItem(Block block) {
        return block.kind() == Kind.BULLET || block.kind() == Kind.ORDERED;
    }

    /** Plain text made safe for the dialect. */
    abstract String escape(String text);

    /**
     * Someone else's text made inert: by default what {@link #escape} makes of it. Dialects
     * that have no escapes (or leave some markup in on purpose) override this.
     */
    String literal(String text) {
        return escape(text);
    }

    /**
     * Markdown dialects without backslash escapes (DingTalk, WeCom): the characters that open
     * a link, an image, a tag, a {@code <@id>} mention or emphasis become their full-width
     * look-alikes, which read the same and mean nothing.
     */
    static String fullWidthMarkdown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = "[]()<>*_`#~|!".indexOf(c);
            out.append(at < 0 ? c : "［］（）＜＞＊＿｀＃～｜！".charAt(at));
        }
        return out.toString();
    }

    abstract String strong(String text);

    abstract String emphasis(String text);

    abstract String code(String text);

    /** A link; {@code text} equal to {@code url} means a bare URL. Called only through {@link #safeLink}. */
    abstract String link(String text, String url);

    /**
     * A link to a {@link LinkTarget}: http(s) or mailto, its markup-opening characters
     * percent-encoded; a link to anything else is written as its text alone.
     */
    final String safeLink(String text, String url) {
        Optional<String> target = LinkTarget.of(url);
        if (target.isEmpty()) {
            return escape(text.equals(url) || text.isBlank() ? "" : text);
        }
        return link(text.equals(url) ? target.get() : text, target.get());
    }

    abstract String codeBlock(String code);

    /** Chat dialects have no real headings: bold is the common substitute. */
    String heading(int level, String content) {
        return content;
    }

    String quote(String content) {
        return "> " + content;
    }

    String lineBreak() {
        return "\n";
    }

    String paragraphBreak() {
        return "\n\n";
    }

    /** Whether the dialect has no link syntax, so a link is written as its text and then its address. */
    boolean plainText() {
        return false;
    }

    /** Addresses the asker the way the dialect notifies them; empty where a reply needs no address. */
    abstract String mention(Addressee addressee);
}
