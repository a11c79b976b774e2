package io.qabot.knowledge.ingest;

import java.util.Optional;

/**
 * The line that closes most digest threads and names the project they are about, in all the
 * spellings the posts used over the years:
 * <pre>
 * SOFAJRaft：[https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)
 * 「MOSN」： *[https://github.com/mosn/mosn](https://github.com/mosn/mosn)*
 * **「Seata」**：*[https://github.com/seata/seata](https://github.com/seata/seata)*
 * 「**Layotto**」：&lt;https://github.com/mosn/layotto/issues/949&gt;
 * 「SOFABoot」[https://github.com/sofastack/sofa-boot](https://github.com/sofastack/sofa-boot)
 * </pre>
 * Lines like {@code 「详细参考」：[url](url)} are not project links: the label is not a name.
 */
record ProjectLink(String project, String url) {
    private static final int MAX_NAME = 30;

    static Optional<ProjectLink> parse(MarkdownLine line) {
        String p = line.plain();
        if (p.startsWith("- ")) {
            p = MarkdownLine.trim(p.substring(2));
        }
        int colon = indexOfColon(p);
        int closing = p.indexOf('」');
        if (p.startsWith("「") && closing > 0 && closing <= MAX_NAME + 1 && (colon < 0 || colon > closing + 1)) {
            colon = closing; // 「SOFABoot」[https://…]: the brackets alone mark the name
        }
        if (colon <= 0 || colon > MAX_NAME + 4) {
            return Optional.empty();
        }
        String name = stripBrackets(p.substring(0, p.charAt(colon) == '」' ? colon + 1 : colon));
        String rest = MarkdownLine.trim(p.substring(colon + 1));
        while (!rest.isEmpty() && (rest.charAt(0) == '[' || rest.charAt(0) == '<' || rest.charAt(0) == '_')) {
            rest = rest.substring(1);
        }
        if (!isProjectName(name) || !(rest.startsWith("http://") || rest.startsWith("https://"))) {
            return Optional.empty();
        }
        String url = LinkCollector.firstIn(rest);
        return url == null ? Optional.empty() : Optional.of(new ProjectLink(name, url));
    }

    private static int indexOfColon(String s) {
        for (int i = 0; i < s.length() && i <= MAX_NAME + 4; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
        }
        return -1;
    }

    private static String stripBrackets(String s) {
        String t = MarkdownLine.trim(s);
        if (t.startsWith("「") || t.startsWith("【")) {
            t = t.substring(1);
        }
        if (t.endsWith("」") || t.endsWith("】")) {
            t = t.substring(0, t.length() - 1);
        }
        return MarkdownLine.trim(t);
    }

    /** Project names are Latin words: SOFAJRaft, Seata, MOSN, sofa-common-tools, SOFA RPC. */
    private static boolean isProjectName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '.');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
