package io.qabot.knowledge.ingest;

import java.util.Optional;

/**
 * The line that opens a digest thread, in the shapes the posts used over the years:
 * <pre>
 * **1、@罗健** 提问：          **@屈冉** 提问：          1、@张三 提问：
 * **1. 罗坤** 提问：           **1.@wwg2017  #5222**     **1. 小白**
 * **2、关于 Seata 的 grouplist 问题：**                 **黄润良** 提问：
 * **关于扩容：**
 * </pre>
 * The asker's name is kept apart so it never reaches question or answer text.
 *
 * @param number    the number written before the thread, or 0 when there is none
 * @param asker     the asker's name as written (without {@code @}), or empty
 * @param bareAsker the line is only {@code @name}: under an issue heading it names the asker
 *                  of the thread just opened instead of opening a new one
 */
record ThreadHeader(int number, String asker, boolean bareAsker) {
    /** Thread headers are short; anything longer is a paragraph that happens to start alike. */
    private static final int MAX_LENGTH = 80;
    private static final String ASKED = "提问";

    /**
     * Reads {@code line} as a thread header. Numbered lines without an asker ({@code **1. 小白**},
     * {@code **2、关于 Seata …：**}) only count inside a reader Q&amp;A section and when bold, so
     * numbered lists in answers and release notes stay what they are.
     */
    static Optional<ThreadHeader> parse(MarkdownLine line, boolean inQaSection) {
        if (line.isQuote()) {
            return Optional.empty();
        }
        String p = line.plain();
        if (p.isEmpty() || p.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int i = 0;
        while (i < p.length() && i < 3 && Character.isDigit(p.charAt(i))) {
            i++;
        }
        int number = 0;
        String rest = p;
        if (i > 0) {
            int j = i;
            while (j < p.length() && MarkdownLine.isSpace(p.charAt(j))) {
                j++;
            }
            if (j < p.length() && "、.．".indexOf(p.charAt(j)) >= 0) {
                number = Integer.parseInt(p.substring(0, i));
                rest = MarkdownLine.trim(p.substring(j + 1));
            }
        }
        boolean at = rest.startsWith("@") && rest.length() > 1;
        String withoutColon = stripColon(rest);
        boolean asked = withoutColon.endsWith(ASKED);
        boolean issue = endsWithIssueNumber(rest);
        String asker = askerOf(rest, at);
        if (number > 0) {
            boolean bold = line.text().startsWith("**") || line.text().startsWith(number + "**");
            if (at || asked || issue || (inQaSection && bold && !rest.isEmpty())) {
                return Optional.of(new ThreadHeader(number, asker, false));
            }
            return Optional.empty();
        }
        if (inQaSection && line.isBoldOnly() && rest.startsWith("关于") && !withoutColon.equals(rest)
                && rest.length() <= 30) {
            // "**关于扩容：**" inside a thread starts a new topic with new questions
            return Optional.of(new ThreadHeader(0, "", false));
        }
        if (at && !asked && !issue && !containsSpace(rest)) {
            return Optional.of(new ThreadHeader(0, asker, true));
        }
        if ((at && (asked || issue)) || (asked && withoutColon.length() <= 30 && !withoutColon.contains("，"))) {
            return Optional.of(new ThreadHeader(0, asker, false));
        }
        return Optional.empty();
    }

    private static String stripColon(String s) {
        String t = s;
        while (!t.isEmpty() && (t.endsWith("：") || t.endsWith(":") || MarkdownLine.isSpace(t.charAt(t.length() - 1)))) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static boolean containsSpace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (MarkdownLine.isSpace(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithIssueNumber(String s) {
        int hash = s.lastIndexOf('#');
        if (hash < 0 || hash == s.length() - 1) {
            return false;
        }
        for (int k = hash + 1; k < s.length(); k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The name before "提问" or the issue number: {@code @罗健 提问：} → 罗健. */
    private static String askerOf(String rest, boolean at) {
        String s = at ? rest.substring(1) : rest;
        int end = s.indexOf(ASKED);
        int hash = s.indexOf('#');
        if (hash >= 0 && (end < 0 || hash < end)) {
            end = hash;
        }
        String name = MarkdownLine.trim(end < 0 ? s : s.substring(0, end));
        return at || end >= 0 ? stripColon(name) : "";
    }
}
