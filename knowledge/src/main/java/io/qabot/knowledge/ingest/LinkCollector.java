package io.qabot.knowledge.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the web links written in a thread, in order of appearance and without duplicates
 * (markdown writes most of them twice: {@code [url](url)}). Image addresses are left out:
 * they are pictures of the answer, not places to go.
 */
final class LinkCollector {
    /** How far back to look for the {@code ![} of an image; bounds the work on huge lines. */
    private static final int IMAGE_LOOKBACK = 2_000;

    private final Set<String> links = new LinkedHashSet<>();

    void add(String url) {
        if (url != null && !url.isEmpty()) {
            links.add(url);
        }
    }

    /** Adds every http(s) address in {@code text}. Linear in the text's length. */
    void addAllIn(String text) {
        int from = 0;
        while (true) {
            int at = text.indexOf("http", from);
            if (at < 0) {
                return;
            }
            int end = urlEnd(text, at);
            if (end > at) {
                String url = trimTail(text.substring(at, end).replace("*", ""));
                if (!isImageTarget(text, at)) {
                    add(url);
                }
                from = end;
            } else {
                from = at + 4;
            }
        }
    }

    List<String> links() {
        return List.copyOf(links);
    }

    /** The end of the address starting at {@code at}, or {@code at} when none starts there. */
    static int urlEnd(String text, int at) {
        int scheme;
        if (text.startsWith("https://", at)) {
            scheme = 8;
        } else if (text.startsWith("http://", at)) {
            scheme = 7;
        } else {
            return at;
        }
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            return at; // "hhttps://" and the like are typos, not links
        }
        int i = at + scheme;
        while (i < text.length() && !endsUrl(text.charAt(i))) {
            i++;
        }
        return i > at + scheme ? i : at;
    }

    /** The first address in {@code text}, or null. */
    static String firstIn(String text) {
        int from = 0;
        while (true) {
            int at = text.indexOf("http", from);
            if (at < 0) {
                return null;
            }
            int end = urlEnd(text, at);
            if (end > at) {
                return trimTail(text.substring(at, end).replace("*", ""));
            }
            from = at + 4;
        }
    }

    private static boolean endsUrl(char c) {
        return MarkdownLine.isSpace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '<'
                || c == '>' || c == '"' || c == '\'' || c == '`' || c == '，' || c == '。' || c == '）'
                || c == '（' || c == '、' || c == '；' || c == '：' || c == '」' || c == '|';
    }

    private static String trimTail(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?_".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    /** True when the address is the target of {@code ![alt](url)}. */
    private static boolean isImageTarget(String text, int at) {
        if (at < 2 || !text.startsWith("](", at - 2)) {
            return false;
        }
        int stop = Math.max(0, at - 2 - IMAGE_LOOKBACK);
        for (int i = at - 3; i >= stop; i--) {
            if (text.charAt(i) == '[') {
                return i > 0 && text.charAt(i - 1) == '!';
            }
        }
        return false;
    }
}
