package io.qabot.knowledge.ingest;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Problem;
import io.qabot.knowledge.Source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a weekly digest post ("SOFA Weekly") into one knowledge item per Q&amp;A thread.
 *
 * <p>The posts changed shape over the years, so the parser keys on the few things that stayed:
 * threads open with a short header line ({@link ThreadHeader}), questions are quoted
 * ({@code >}) or plain lines, answers start with {@code A：}, and a project link line
 * ({@link ProjectLink}) often closes the thread. Sections are delimited by headings, which
 * later posts write as bold lines. Threads are found anywhere in the post (a few posts have
 * no Q&amp;A heading), but header shapes without an asker only count inside a Q&amp;A section.
 */
final class WeeklyDigestParser {
    /** Section titles of the reader Q&amp;A and the GitHub issue digest. */
    private static final List<String> QA_TITLES = List.of("问答", "issue 精选", "q&a", "社区答疑");
    /** Bold-line titles that close a Q&amp;A section in posts without headings. */
    private static final List<String> OTHER_TITLES = List.of("推荐阅读", "项目进展", "contributor", "本周贡献",
            "社区会议", "会议预告", "会议回顾", "活动", "直播", "新手任务", "本周发布", "big news", "大事件",
            "欢迎扫码关注", "版本发布");

    List<KnowledgeItem> parse(TextFile file, FrontMatter frontMatter, List<Problem> problems) {
        String name = file.name();
        LocalDate date = frontMatter.date(name, problems);
        Source source = new Source(name, frontMatter.title(), date, Site.BUILT_IN.post(withoutExtension(name)));
        List<KnowledgeItem> items = new ArrayList<>();
        List<String> lines = file.lines();
        boolean inQa = false;
        int qaHeadingLine = 0;
        int itemsAtQaHeading = 0;
        int problemsAtQaHeading = 0;
        DigestThread thread = null;
        boolean inFence = false;
        int fenceLine = 0;
        for (int i = frontMatter.bodyStart(); i < lines.size(); i++) {
            MarkdownLine line = new MarkdownLine(i + 1, lines.get(i));
            // code is content: "@Override" in a snippet is no asker, "# comment" no heading
            boolean fence = line.text().startsWith("```") || line.text().startsWith("> ```");
            if (inFence || fence) {
                if (fence) {
                    inFence = !inFence;
                    fenceLine = line.number();
                }
                if (thread != null) {
                    thread.acceptVerbatim(line);
                }
                continue;
            }
            String sectionTitle = sectionTitle(line);
            if (sectionTitle != null) {
                emit(thread, source, items, problems);
                thread = null;
                boolean qa = isQaTitle(sectionTitle);
                if (inQa && qa) {
                    continue; // "本周各项目回复 issue 精选 3 条" under "GitHub issue 精选" is the same section
                }
                if (inQa) {
                    reportEmptySection(name, qaHeadingLine, items.size() - itemsAtQaHeading,
                            problems.size() - problemsAtQaHeading, problems);
                }
                inQa = qa;
                if (inQa) {
                    qaHeadingLine = line.number();
                    itemsAtQaHeading = items.size();
                    problemsAtQaHeading = problems.size();
                }
                continue;
            }
            var header = ThreadHeader.parse(line, inQa);
            if (header.isPresent()) {
                if (header.get().bareAsker() && thread != null && thread.isEmpty()) {
                    continue; // "@name" under "1.@MOSN #2347" names the asker of that thread
                }
                emit(thread, source, items, null); // an empty thread here was a group header
                thread = new DigestThread(name, line.number(), problems);
                continue;
            }
            if (thread == null) {
                if (inQa && line.isQuote() && !line.quoteContent().isEmpty()
                        && !DigestThread.isImageOnly(line.quoteContent())) {
                    // a question without a header still opens a thread inside the Q&A section
                    thread = new DigestThread(name, line.number(), problems);
                } else {
                    if (inQa && AnswerLine.isAnswer(line)) {
                        problems.add(new Problem(name, line.number(), "answer without a question"));
                    }
                    continue;
                }
            }
            thread.accept(line);
        }
        if (inFence) {
            problems.add(new Problem(name, fenceLine, "code block is not closed with ```"));
        }
        emit(thread, source, items, problems);
        if (inQa) {
            reportEmptySection(name, qaHeadingLine, items.size() - itemsAtQaHeading,
                    problems.size() - problemsAtQaHeading, problems);
        }
        return items;
    }

    /**
     * Ends {@code thread} and adds its item. A thread with nothing under its header is reported
     * when {@code problems} is given; a header followed directly by another one groups threads.
     */
    private static void emit(DigestThread thread, Source source, List<KnowledgeItem> items, List<Problem> problems) {
        if (thread == null) {
            return;
        }
        if (thread.isEmpty() && problems != null) {
            problems.add(new Problem(source.file(), thread.headerLine(), "thread header without a question"));
        }
        thread.finish();
        if (thread.turns().isEmpty()) {
            return;
        }
        String id = source.file() + "#" + (items.size() + 1);
        items.add(new KnowledgeItem(id, thread.turns(), thread.links(), thread.project(), source, Origin.DIGEST));
    }

    /** A Q&amp;A section that gave nothing and whose lines were not already reported one by one. */
    private static void reportEmptySection(String file, int line, int threads, int reported, List<Problem> problems) {
        if (threads == 0 && reported == 0) {
            problems.add(new Problem(file, line, "Q&A section without any readable thread"));
        }
    }

    /** The title when {@code line} starts a section (a heading, or a bold line with a known title). */
    private static String sectionTitle(MarkdownLine line) {
        if (line.headingLevel() > 0) {
            return line.headingTitle();
        }
        if (line.isBoldOnly()) {
            String title = line.plain();
            String lower = title.toLowerCase(Locale.ROOT);
            // titles are short and have no sentence punctuation: "**筛选每周精华问答，同步开源进展**" is a motto
            // and are not numbered: "**1、《直播回顾》以及 QA 整理**" opens a group of threads
            if (title.length() <= 40 && !title.endsWith("：") && !title.endsWith(":") && !title.contains("，")
                    && !Character.isDigit(title.charAt(0))
                    && (containsAny(lower, QA_TITLES) || containsAny(lower, OTHER_TITLES))) {
                return title;
            }
        }
        return null;
    }

    /** The post's own title heading ("SOFA Weekly | … issue 精选") names the whole post, not a section. */
    private static boolean isQaTitle(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return containsAny(lower, QA_TITLES) && !lower.contains("weekly");
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
