package io.qabot.knowledge.ingest;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Problem;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a project FAQ page into one knowledge item per entry. An entry is a heading
 * {@code ### Q：…} (or {@code ## Q: …}, any level) and the text up to the next heading of the
 * same or a higher level, so sub-headings inside a long answer stay in it. Pages that write
 * the question as a plain heading and start the answer with {@code 答：} are read too.
 */
final class FaqPageParser {
    /** True when {@code file} looks like an FAQ page: it has at least one entry heading. */
    static boolean isFaqPage(TextFile file) {
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).indexOf('#') < 0) {
                continue; // cheap pre-check: only headings can open an entry
            }
            MarkdownLine line = new MarkdownLine(i + 1, lines.get(i));
            if (line.headingLevel() > 0 && (questionOf(line.headingTitle()) != null || answeredByNextLine(lines, i))) {
                return true;
            }
        }
        return false;
    }

    List<KnowledgeItem> parse(TextFile file, FrontMatter frontMatter, List<Problem> problems) {
        String name = file.name();
        Source source = new Source(name, frontMatter.title(), frontMatter.date(name, problems),
                url(name, frontMatter.alias()));
        List<String> lines = file.lines();
        List<KnowledgeItem> items = new ArrayList<>();
        int i = frontMatter.bodyStart();
        while (i < lines.size()) {
            MarkdownLine line = new MarkdownLine(i + 1, lines.get(i));
            int level = line.headingLevel();
            String question = level > 0 ? questionOf(line.headingTitle()) : null;
            boolean answerMarked = false;
            if (level > 0 && question == null && answeredByNextLine(lines, i)) {
                question = line.headingTitle();
                answerMarked = true;
            }
            if (question == null) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.size()) {
                MarkdownLine next = new MarkdownLine(end + 1, lines.get(end));
                int nextLevel = next.headingLevel();
                if (nextLevel > 0 && (nextLevel <= level || questionOf(next.headingTitle()) != null)) {
                    break;
                }
                end++;
            }
            String answer = DigestText.clean(String.join("\n", lines.subList(i + 1, end)));
            if (answerMarked) {
                answer = stripAnswerMarker(answer);
            }
            if (question.isEmpty()) {
                problems.add(new Problem(name, line.number(), "FAQ entry without a question"));
            } else if (answer.isEmpty()) {
                problems.add(new Problem(name, line.number(), "FAQ question without an answer"));
            } else {
                LinkCollector links = new LinkCollector();
                links.addAllIn(answer);
                String id = name + "#" + (items.size() + 1);
                items.add(new KnowledgeItem(id, List.of(new Turn(question, answer, line.number())),
                        links.links(), "", source, Origin.FAQ));
            }
            i = end;
        }
        return items;
    }

    /** {@code Q：蚂蚁开源的计划是什么} → the question; null when the title is not an entry. */
    private static String questionOf(String title) {
        if (title.length() < 2 || (title.charAt(0) != 'Q' && title.charAt(0) != 'q')) {
            return null;
        }
        int i = 1;
        while (i < title.length() && title.charAt(i) == ' ') {
            i++;
        }
        if (i >= title.length() || (title.charAt(i) != '：' && title.charAt(i) != ':')) {
            return null;
        }
        return MarkdownLine.trim(title.substring(i + 1));
    }

    private static boolean answeredByNextLine(List<String> lines, int heading) {
        for (int i = heading + 1; i < lines.size(); i++) {
            String t = MarkdownLine.trim(lines.get(i));
            if (!t.isEmpty()) {
                return t.startsWith("答：") || t.startsWith("答:");
            }
        }
        return false;
    }

    private static String stripAnswerMarker(String answer) {
        return answer.startsWith("答：") || answer.startsWith("答:") ? MarkdownLine.trim(answer.substring(2)) : answer;
    }

    /**
     * The page's address from its Hugo alias ({@code /sofa-rpc/docs/FAQ}); English pages live
     * under {@code /en}. Null when the page declares none: a guessed address would be a dead link.
     */
    private static String url(String file, String alias) {
        if (alias == null || !alias.startsWith("/")) {
            return null;
        }
        String prefix = file.startsWith("en-") ? Site.BUILT_IN.root() + "/en" : Site.BUILT_IN.root();
        return prefix + alias + (alias.endsWith("/") ? "" : "/");
    }
}
