package io.qabot.core.reply;

/**
 * DingTalk's markdown subset. It has no code formatting, so code is shown as text; a
 * single newline only breaks the line with two spaces before it. Text is not escaped:
 * DingTalk documents no escape syntax, and a backslash would show up literally.
 */
final class DingTalkMarkdownWriter extends MarkupWriter {
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
        return text;
    }

    @Override
    String link(String text, String url) {
        return "[" + text + "](" + url + ")";
    }

    @Override
    String codeBlock(String code) {
        return code.replace("\n", lineBreak());
    }

    @Override
    String heading(int level, String content) {
        return "**" + content + "**";
    }

    @Override
    String lineBreak() {
        return "  \n";
    }

    @Override
    String mention(Addressee addressee) {
        // the text mention only notifies when the connector also lists the id in at.atUserIds
        return "@" + addressee.id();
    }
}
