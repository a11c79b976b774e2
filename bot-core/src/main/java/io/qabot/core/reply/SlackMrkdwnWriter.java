package io.qabot.core.reply;

/**
 * Slack's mrkdwn: single-character emphasis, {@code <url|text>} links, and only
 * {@code & < >} escaped (Slack documents exactly those three).
 */
final class SlackMrkdwnWriter extends MarkupWriter {
    @Override
    String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    String strong(String text) {
        return "*" + escape(text) + "*";
    }

    @Override
    String emphasis(String text) {
        return "_" + escape(text) + "_";
    }

    @Override
    String code(String text) {
        return "`" + escape(text) + "`";
    }

    @Override
    String link(String text, String url) {
        String target = escape(url).replace("|", "%7C");
        return text.equals(url) ? "<" + target + ">" : "<" + target + "|" + escape(text) + ">";
    }

    @Override
    String codeBlock(String code) {
        return "```\n" + escape(code) + "\n```";
    }

    @Override
    String heading(int level, String content) {
        return "*" + content + "*";
    }

    @Override
    String mention(Addressee addressee) {
        return "<@" + addressee.id() + ">";
    }
}
