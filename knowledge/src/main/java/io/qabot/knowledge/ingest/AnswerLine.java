package io.qabot.knowledge.ingest;

/**
 * The line that starts an answer: {@code A：}, {@code A:}, {@code A ：}, {@code **A**：}.
 */
final class AnswerLine {
    private AnswerLine() {
    }

    static boolean isAnswer(MarkdownLine line) {
        return markerEnd(line.text()) > 0;
    }

    static String textAfterMarker(MarkdownLine line) {
        String t = line.text();
        return MarkdownLine.trim(t.substring(markerEnd(t)));
    }

    /** Index just after the marker and its colon (and a closing {@code **}), or -1. */
    private static int markerEnd(String t) {
        int i = 0;
        if (t.startsWith("**")) {
            i = 2;
        }
        if (i >= t.length() || t.charAt(i) != 'A') {
            return -1;
        }
        i++;
        if (t.startsWith("**", i)) {
            i += 2;
        }
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        if (i >= t.length() || (t.charAt(i) != '：' && t.charAt(i) != ':')) {
            return -1;
        }
        i++;
        if (t.startsWith("**", i) && t.startsWith("**")) {
            i += 2;
        }
        return i;
    }
}
