package io.qabot.core.reply;

/** No markup at all: platforms that show text as typed (Feishu text, IRC, WeChat). */
class PlainWriter extends MarkupWriter {
    @Override
    String escape(String text) {
        return text;
    }

    @Override
    String strong(String text) {
        return text;
    }

    @Override
    String emphasis(String text) {
        return text;
    }

    @Override
    String code(String text) {
        return text;
    }

    @Override
    String link(String text, String url) {
        return text.equals(url) || text.isBlank() ? url : text + " (" + url + ")";
    }

    @Override
    String codeBlock(String code) {
        return code;
    }

    @Override
    boolean plainText() {
        return true;
    }

    @Override
    String mention(Addressee addressee) {
        return "@" + addressee.name();
    }
}
