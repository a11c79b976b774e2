package io.qabot.knowledge.ingest;

/**
 * Tidies the text of a question or an answer without changing what it says: HTML line breaks
 * become line breaks, trailing spaces and runs of blank lines go. Markdown (links, code,
 * images) stays as written, so answers are quoted faithfully.
 */
final class DigestText {
    private DigestText() {
    }

    static String clean(CharSequence text) {
        String s = replaceLineBreakTags(text.toString());
        StringBuilder out = new StringBuilder(s.length());
        int blankRun = 0;
        for (String line : s.split("\n", -1)) {
            String t = stripTrailing(line);
            if (MarkdownLine.trim(t).isEmpty()) {
                blankRun++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blankRun > 0 ? "\n\n" : "\n");
            }
            out.append(t);
            blankRun = 0;
        }
        return MarkdownLine.trim(out.toString());
    }

    private static String replaceLineBreakTags(String s) {
        if (s.indexOf('<') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = MarkdownLine.lineBreakTagEnd(s, i);
                if (close > 0) {
                    // at the end of a line the tag only repeats the line break
                    boolean endOfLine = close + 1 == s.length() || s.charAt(close + 1) == '\n';
                    if (!endOfLine) {
                        b.append('\n');
                    }
                    i = close;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && MarkdownLine.isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}
