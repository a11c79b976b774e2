package io.qabot.core.reply;

/**
 * Telegram's {@code parse_mode=HTML}: only the tags Telegram accepts, every other
 * {@code < > &} escaped. HTML rather than MarkdownV2 because it needs three escapes
 * instead of eighteen.
 */
final class TelegramHtmlWriter extends MarkupWriter {
    @Override
    String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    String strong(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    @Override
    String emphasis(String text) {
        return "<i>" + escape(text) + "</i>";
    }

    @Override
    String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    @Override
    String link(String text, String url) {
        return "<a href=\"" + escape(url).replace("\"", "&quot;") + "\">" + escape(text) + "</a>";
    }

    @Override
    String codeBlock(String code) {
        return "<pre>" + escape(code) + "</pre>";
    }

    @Override
    String heading(int level, String content) {
        return "<b>" + content + "</b>";
    }

    @Override
    String quote(String content) {
        return "<blockquote>" + content + "</blockquote>";
    }

    @Override
    String mention(Addressee addressee) {
        // users without a public username can only be mentioned through their numeric id
        if (addressee.id().chars().allMatch(Character::isDigit)) {
            return "<a href=\"tg://user?id=" + addressee.id() + "\">" + escape(addressee.name()) + "</a>";
        }
        return "@" + escape(addressee.name());
    }
}
