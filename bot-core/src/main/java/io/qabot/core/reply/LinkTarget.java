package io.qabot.core.reply;

import java.util.Locale;
import java.util.Optional;

/**
 * What the bot will write as a link's target: {@code http}, {@code https} or {@code mailto}
 * only, whoever supplied it (a knowledge file, a maintainer's answer), with the characters
 * that could end the target early or open markup ({@code < > "}, spaces, control
 * characters, backslashes) percent-encoded. Anything else ({@code javascript:}, {@code data:},
 * a relative path) is no link at all: the writers show its text only.
 */
final class LinkTarget {
    private LinkTarget() {
    }

    static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String target = url.strip();
        String lower = target.toLowerCase(Locale.ROOT);
        boolean web = (lower.startsWith("http://") || lower.startsWith("https://")) && target.indexOf('/') + 2 < target.length();
        boolean mail = lower.startsWith("mailto:") && target.length() > "mailto:".length();
        if (!web && !mail) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == '`') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }
}
