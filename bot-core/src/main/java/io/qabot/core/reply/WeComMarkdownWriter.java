package io.qabot.core.reply;

/**
 * WeCom (企业微信) robot markdown: headings, bold, links, inline code and quotes, but no code
 * blocks and no escape syntax (a backslash shows up literally). {@code <@userid>} is the
 * mention that notifies.
 */
final class WeComMarkdownWriter extends MarkupWriter {
    @Override
    String escape(String text) {
        return text;
    }

    @Override
    String literal(String text) {
        return fullWidthMarkdown(text);
    }

    @Override
    String strong(String text) {
        return "**" + text + "**";
    }

    @Override
    String emphasis(String text) {
        return "*" + text + "*";
    }

    @Override
    String code(String text) {
        return text.contains("`") ? text : "`" + text + "`";
    }

    @Override
    String link(String text, String url) {
        return "[" + text + "](" + url + ")";
    }

    @Override
    String codeBlock(String code) {
        return code;
    }

    @Override
    String heading(int level, String content) {
        return "**" + content + "**";
    }

    @Override
    String mention(Addressee addressee) {
        return "<@" + addressee.id() + ">";
    }
}
