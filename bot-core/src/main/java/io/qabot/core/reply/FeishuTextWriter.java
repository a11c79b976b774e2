package io.qabot.core.reply;

/**
 * Feishu/Lark {@code text} content: plain text in which {@code <at user_id="ou_…">name</at>}
 * is the one piece of markup, and the only way a mention notifies the asker. Feishu shows the
 * user's current name whatever the tag holds, so an id standing in for an unknown name is fine.
 */
final class FeishuTextWriter extends PlainWriter {
    /** Plain text, except that {@code <at user_id="all">} would notify the whole group. */
    @Override
    String literal(String text) {
        return text.replace("<", "＜").replace(">", "＞");
    }

    @Override
    String mention(Addressee addressee) {
        return "<at user_id=\"" + attribute(addressee.id()) + "\">" + addressee.name().replace("<", "＜") + "</at>";
    }

    private static String attribute(String value) {
        return value.replace("\"", "").replace("<", "").replace(">", "");
    }
}
