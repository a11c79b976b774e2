package io.qabot.connectors.irc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One IRC line: {@code [@tags] [:prefix] COMMAND params… [:trailing]} (RFC 1459 §2.3.1, with
 * IRCv3 message tags). The trailing parameter is the last of {@link #params()}.
 */
record IrcMessage(Map<String, String> tags, String prefix, String command, List<String> params) {

    static IrcMessage parse(String line) {
        String rest = line;
        Map<String, String> tags = Map.of();
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            tags = tags(rest.substring(1, space < 0 ? rest.length() : space));
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        String prefix = null;
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            prefix = rest.substring(1, space < 0 ? rest.length() : space);
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        List<String> params = new ArrayList<>();
        String command = "";
        while (!rest.isEmpty()) {
            if (rest.startsWith(":") && !command.isEmpty()) {
                params.add(rest.substring(1));
                break;
            }
            int space = rest.indexOf(' ');
            String word = space < 0 ? rest : rest.substring(0, space);
            if (command.isEmpty()) {
                command = word.toUpperCase(java.util.Locale.ROOT);
            } else {
                params.add(word);
            }
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        return new IrcMessage(tags, prefix, command, List.copyOf(params));
    }

    /** The nick in a {@code nick!user@host} prefix. */
    String nick() {
        if (prefix == null) {
            return null;
        }
        int bang = prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }

    String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    String trailing() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    private static Map<String, String> tags(String raw) {
        Map<String, String> tags = new HashMap<>();
        for (String tag : raw.split(";")) {
            int equals = tag.indexOf('=');
            if (equals < 0) {
                tags.put(tag, "");
            } else {
                tags.put(tag.substring(0, equals), tag.substring(equals + 1));
            }
        }
        return Map.copyOf(tags);
    }
}
