package io.qabot.connectors.discord;

/**
 * Turns the reply renderer's leading "@Name" (CommonMark has no mention syntax, so it writes
 * the name, backslash-escaping punctuation) into Discord's {@code <@id>}, which pings the
 * asker and shows their current name.
 */
final class DiscordMention {
    private DiscordMention() {
    }

    static String addressed(String text, String name, String id) {
        if (!text.startsWith("@")) {
            return text;
        }
        int i = 1;
        for (int n = 0; n < name.length(); n++) {
            if (i < text.length() && text.charAt(i) == '\\' && name.charAt(n) != '\\') {
                i++;   // the renderer's escape
            }
            if (i >= text.length() || text.charAt(i) != name.charAt(n)) {
                return text;
            }
            i++;
        }
        return "<@" + id + ">" + text.substring(i);
    }
}
