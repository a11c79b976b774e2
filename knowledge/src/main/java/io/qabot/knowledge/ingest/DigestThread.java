package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Problem;
import io.qabot.knowledge.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * One digest thread being read, line by line: quoted (or plain) question lines, an
 * {@code A：} answer with its continuation lines, then possibly follow-up questions and answers,
 * and the project link line. Builds the thread's turns and links; reports what does not fit.
 */
final class DigestThread {
    private enum State {
        /** After the header, before any question. */
        OPEN,
        /** Reading a question. */
        QUESTION,
        /** Reading an answer. */
        ANSWER,
        /** After an answer that had no question: skipped until the next question. */
        ORPHAN_ANSWER
    }

    private final String file;
    private final int headerLine;
    private final List<Problem> problems;
    private final List<Turn> turns = new ArrayList<>();
    private final LinkCollector links = new LinkCollector();
    private final StringBuilder question = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private State state = State.OPEN;
    private int questionLine;
    private String project = "";
    private boolean hasContent;
    /** A blank line was seen since the last text line: the next line starts a new paragraph. */
    private boolean paragraphBreak;

    DigestThread(String file, int headerLine, List<Problem> problems) {
        this.file = file;
        this.headerLine = headerLine;
        this.problems = problems;
    }

    int headerLine() {
        return headerLine;
    }

    /** Nothing but the header so far: a group header ("1、直播回顾以及 QA 整理") or an asker line may follow. */
    boolean isEmpty() {
        return !hasContent;
    }

    /** A line inside a fenced code block: kept as written, never read as markup. */
    void acceptVerbatim(MarkdownLine line) {
        hasContent = true;
        String text = DigestText.stripTrailing(line.raw());
        if (text.isBlank()) {
            paragraphBreak = true;
            return;
        }
        switch (state) {
            case OPEN -> startQuestion(line, text);
            case QUESTION -> appendLine(question, text);
            case ANSWER -> appendLine(answer, text);
            case ORPHAN_ANSWER -> { }
        }
    }

    void accept(MarkdownLine line) {
        // "</br>" or "**" alone carry nothing but spacing
        if (line.isBlank() || line.plain().isEmpty()) {
            paragraphBreak = true;
            return;
        }
        hasContent = true;
        if (AnswerLine.isAnswer(line)) {
            acceptAnswer(line);
            return;
        }
        if (state != State.QUESTION) {
            var projectLink = ProjectLink.parse(line);
            if (projectLink.isPresent()) {
                acceptProjectLink(projectLink.get());
                return;
            }
        }
        if (line.isQuote()) {
            acceptQuote(line);
            return;
        }
        switch (state) {
            case OPEN -> {
                // after a thread's last answer: pictures and "回顾：[url]" lines are not questions
                if (isImageOnly(line.text()) || isLabelledLink(line.plain()) || isLinkOnly(line.plain())) {
                    links.addAllIn(line.text());
                } else {
                    startQuestion(line, line.text());
                }
            }
            case QUESTION -> appendLine(question, line.text());
            case ANSWER -> appendLine(answer, line.text());
            case ORPHAN_ANSWER -> { }
        }
    }

    private void acceptAnswer(MarkdownLine line) {
        String text = AnswerLine.textAfterMarker(line);
        switch (state) {
            case QUESTION -> {
                state = State.ANSWER;
                answer.setLength(0);
                answer.append(text);
                paragraphBreak = false;
            }
            // a second "A：" paragraph right after an answer continues it
            case ANSWER -> appendLine(answer, text);
            case OPEN, ORPHAN_ANSWER -> {
                problems.add(new Problem(file, line.number(), "answer without a question"));
                state = State.ORPHAN_ANSWER;
            }
        }
        links.addAllIn(text);
    }

    private void acceptQuote(MarkdownLine line) {
        String content = line.quoteContent();
        switch (state) {
            case ANSWER -> {
                // pictures quoted under an answer illustrate it; anything else asks again
                if (content.isEmpty() || isImageOnly(content)) {
                    appendLine(answer, content);
                } else {
                    finishTurn();
                    startQuestion(line, content);
                }
            }
            case QUESTION -> appendLine(question, content);
            case OPEN, ORPHAN_ANSWER -> {
                if (!content.isEmpty()) {
                    startQuestion(line, content);
                }
            }
        }
    }

    private void acceptProjectLink(ProjectLink link) {
        links.add(link.url());
        if (project.isEmpty()) {
            project = link.project();
        }
        if (state == State.ANSWER) {
            finishTurn();
        }
    }

    private void startQuestion(MarkdownLine line, String text) {
        state = State.QUESTION;
        question.setLength(0);
        question.append(text);
        paragraphBreak = false;
        questionLine = line.number();
        links.addAllIn(text);
    }

    private void appendLine(StringBuilder target, String text) {
        if (target.length() > 0) {
            target.append(paragraphBreak ? "\n\n" : "\n");
        }
        paragraphBreak = false;
        target.append(text);
        links.addAllIn(text);
    }

    private void finishTurn() {
        String q = DigestText.clean(question);
        String a = DigestText.clean(answer);
        if (a.isEmpty()) {
            problems.add(new Problem(file, questionLine, "empty answer"));
        } else {
            turns.add(new Turn(q, a, questionLine));
        }
        question.setLength(0);
        answer.setLength(0);
        state = State.OPEN;
    }

    /** Ends the thread; reports a question left without an answer. */
    void finish() {
        if (state == State.ANSWER) {
            finishTurn();
        } else if (state == State.QUESTION) {
            problems.add(new Problem(file, questionLine, "question without an answer"));
        }
        state = State.OPEN;
    }

    List<Turn> turns() {
        return List.copyOf(turns);
    }

    List<String> links() {
        return links.links();
    }

    String project() {
        return project;
    }

    /** {@code 直播视频回顾：[https://…](https://…)}: a label and a link, nothing to answer. */
    private static boolean isLabelledLink(String plain) {
        int at = plain.indexOf("http");
        if (at < 0) {
            return false;
        }
        String label = MarkdownLine.trim(plain.substring(0, at));
        while (label.endsWith("[") || label.endsWith("<")) {
            label = MarkdownLine.trim(label.substring(0, label.length() - 1));
        }
        return label.endsWith("：") || label.endsWith(":");
    }

    /** {@code [MOSN 1.0 发布](https://…)}: a reading-list entry, not a question. */
    private static boolean isLinkOnly(String plain) {
        return plain.startsWith("[") && plain.endsWith(")") && plain.indexOf("](") > 0;
    }

    static boolean isImageOnly(String text) {
        String t = MarkdownLine.trim(text);
        // a trailing "<br/>" is layout, not content; walk back over them without copying
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '>') {
            int tag = t.lastIndexOf('<', end - 1);
            if (tag < 0 || MarkdownLine.lineBreakTagEnd(t, tag) != end - 1) {
                break;
            }
            end = tag;
            while (end > 0 && MarkdownLine.isSpace(t.charAt(end - 1))) {
                end--;
            }
        }
        t = t.substring(0, end);
        return t.startsWith("![") && t.endsWith(")") && t.indexOf("](") > 0
                || t.startsWith("<img") && t.endsWith(">");
    }

}
