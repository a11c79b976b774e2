package io.qabot.app;

import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.QuestionStats;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes learned answers as the reader Q&amp;A section of a SOFA Weekly post, in the shape the
 * posts used and {@code WeeklyDigestParser} reads:
 * <pre>
 * ### 每周读者问答提炼
 *
 * **1、@社区成员** 提问：
 * &gt; the question
 *
 * A：the answer
 *
 * 「sofa-jraft」：[https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)
 * </pre>
 * Askers are not named: the store never kept who asked a learned answer's question for
 * publication, and the digest is public.
 */
final class WeeklyDigestWriter {
    static final String HEADING = "### 每周读者问答提炼";
    static final String UNANSWERED_HEADING = "### 问过、还没有答案的问题 (asked, not yet answered)";
    private static final int UNANSWERED_LENGTH = 200;
    private static final java.util.Set<String> CODE_HOSTS = java.util.Set.of("github.com", "www.github.com", "gitee.com",
            "gitlab.com");
    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9 .\\-]{0,28}");

    private WeeklyDigestWriter() {
    }

    static String section(List<LearnedAnswer> answers) {
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        int n = 0;
        for (LearnedAnswer answer : answers) {
            md.append("**").append(++n).append("、@社区成员** 提问：\n");
            answer.question().strip().lines().forEach(line -> md.append(line.isBlank() ? ">" : "> " + line).append('\n'));
            md.append('\n').append("A：").append(answer.answer().strip()).append("\n\n");
            for (String link : answer.links()) {
                md.append('「').append(projectName(link)).append("」：[").append(link).append("](").append(link).append(")\n");
            }
            if (!answer.links().isEmpty()) {
                md.append('\n');
            }
        }
        return md.toString();
    }

    /**
     * The most-asked questions nobody has answered yet, after the answers: for the maintainers
     * to pick from, not questions with answers, so a plain list the digest reader skips. Each is
     * one line and cut at {@link #UNANSWERED_LENGTH} characters: they are what members wrote.
     */
    static String unanswered(List<QuestionStats.Topic> topics) {
        if (topics.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder(UNANSWERED_HEADING).append("\n\n");
        for (QuestionStats.Topic topic : topics) {
            String question = topic.question().replaceAll("\\s+", " ").strip();
            if (question.length() > UNANSWERED_LENGTH) {
                question = question.substring(0, UNANSWERED_LENGTH) + "…";
            }
            md.append("- ").append(question).append("（").append(topic.count()).append(" 次 / asked ")
                    .append(topic.count()).append(topic.count() == 1 ? " time" : " times").append("）\n");
        }
        return md.append('\n').toString();
    }

    /**
     * The link line's label: on a code host the repository (an issue of sofa-jraft is labelled
     * sofa-jraft, not "issues"), elsewhere the last path segment when it reads as a project name.
     */
    static String projectName(String link) {
        try {
            URI uri = URI.create(link);
            String path = uri.getPath();
            String[] segments = path == null ? new String[0] : path.split("/");
            if (uri.getHost() != null && CODE_HOSTS.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT))
                    && segments.length > 2) {
                return PROJECT_NAME.matcher(segments[2]).matches() ? segments[2] : "Link";
            }
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!segments[i].isEmpty()) {
                    return PROJECT_NAME.matcher(segments[i]).matches() ? segments[i] : "Link";
                }
            }
        } catch (IllegalArgumentException e) {
            // not a URI we can read a name from
        }
        return "Link";
    }
}
