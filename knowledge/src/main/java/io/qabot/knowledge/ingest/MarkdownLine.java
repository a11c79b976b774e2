package io.qabot.knowledge.ingest;

/**
 * One line of a markdown file with the few readings the parsers need. Everything here is a
 * plain character scan, no regular expressions, so a 100 kB line costs linear time; the
 * trimmed and plain forms are computed once because every parser step asks for them. Not
 * thread-safe; lines live only inside one parse.
 */
final class MarkdownLine {
    private final int number;
    private final String raw;
    private final String text;
    private String plain; // computed on first use: most lines never need it

    /**
     * @param number 1-based line number in the file
     * @param raw    the line as written
     */
    MarkdownLine(int number, String raw) {
        this.number = number;
        this.raw = raw;
        this.text = trim(raw);
    }

    int number() {
        return number;
    }

    String raw() {
        return raw;
    }

    /** The line without surrounding white space, including the full-width and no-break kinds. */
    String text() {
        return text;
    }

    boolean isBlank() {
        return text.isEmpty();
    }

    /** {@code 1..6} for an ATX heading ({@code ### title}), else 0. */
    int headingLevel() {
        String t = text();
        int level = 0;
        while (level < t.length() && t.charAt(level) == '#') {
            level++;
        }
        if (level == 0 || level > 6) {
            return 0;
        }
        return level == t.length() || Character.isWhitespace(t.charAt(level)) ? level : 0;
    }

    /** The heading's title without the hashes and emphasis; only meaningful for headings. */
    String headingTitle() {
        return plain(text().substring(headingLevel()));
    }

    boolean isQuote() {
        return text().startsWith(">");
    }

    /** A quote line's content without the {@code >} markers and the space after them. */
    String quoteContent() {
        String t = text();
        int i = 0;
        while (i < t.length() && (t.charAt(i) == '>' || t.charAt(i) == ' ')) {
            i++;
        }
        return trim(t.substring(i));
    }

    /**
     * A line that is bold as a whole ({@code **本周推荐阅读**}). Later posts use these instead of
     * headings for their sections.
     */
    boolean isBoldOnly() {
        String t = text();
        return t.length() > 4 && t.startsWith("**") && t.endsWith("**") && !plain().isEmpty();
    }

    /** The text without emphasis markers and HTML line breaks, trimmed. */
    String plain() {
        if (plain == null) {
            plain = plain(text);
        }
        return plain;
    }

    static String plain(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*') {
                continue;
            }
            if (c == '<') {
                int close = lineBreakTagEnd(s, i);
                if (close > 0) {
                    i = close;
                    continue;
                }
            }
            b.append(c);
        }
        return trim(b.toString());
    }

    /**
     * When a line break tag starts at {@code at} ({@code <br>}, {@code <br/>}, {@code <br />} or
     * the stray {@code </br>} some posts use), the index of its {@code >}; else -1. Looks at
     * most a few characters ahead, so scanning a line stays linear.
     */
    static int lineBreakTagEnd(String s, int at) {
        int limit = Math.min(s.length(), at + 8);
        for (int i = at + 1; i < limit; i++) {
            if (s.charAt(i) == '>') {
                String t = s.substring(at, i + 1).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
                return t.equals("<br>") || t.equals("<br/>") || t.equals("</br>") ? i : -1;
            }
        }
        return -1;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B'
                || c == '\u200D' || c == '\uFEFF';
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
