package io.qabot.app;

import java.util.List;
import java.util.Map;

/**
 * The command line's help: the list of commands ({@code qabot --help}) and each command's own
 * ({@code qabot <command> --help}), in one place so that the two never disagree.
 */
final class Usage {
    static final String COMMANDS = "usage: qabot <command> [options]      (qabot <command> --help for its options)\n"
            + table(List.of(
                    List.of("serve", "[--config FILE]", "run the bot"),
                    List.of("ask", "[--knowledge PATH]... [--json] [--explain] [QUESTION...]",
                            "answer a question (or each stdin line)"),
                    List.of("ingest", "[--knowledge PATH]...", "what the knowledge reader finds, as JSON"),
                    List.of("eval", "--knowledge PATH... --eval FILE.jsonl [--curve]", "score the matcher on an evaluation file"),
                    List.of("eval", "--knowledge PATH... --replay DATE [--json]", "backtest: knowledge before DATE, questions after"),
                    List.of("digest", "--since DATE [--until DATE] [--unanswered]", "maintainers' answers as a weekly Q&A section"),
                    List.of("stats", "[--since DATE] [--top N]", "questions asked, answer rate, most-asked, gaps")));

    private static final String CONFIG = """
              --config FILE        the YAML configuration (the environment's QABOT_… variables override it)""";

    private static final Map<String, String> COMMAND = Map.of(
            "serve", """
                    usage: qabot serve [--config FILE]
                      runs the bot: the HTTP routes of the configured connectors, the admin API and
                      dashboard, and the maintainers' loop; with no configuration, the sample knowledge
                      on http://127.0.0.1:8080/
                    """ + CONFIG,
            "ask", """
                    usage: qabot ask [--knowledge PATH]... [--json] [--explain] [QUESTION...]
                      answers QUESTION, or each line of standard input, from the knowledge
                      --knowledge PATH     a knowledge folder or file (repeatable; default: configured, or the sample)
                      --json               one ask object a line, as POST /api/v1/ask answers
                      --explain            also why: the features, the runner-up and the rule or threshold that decided
                    """ + CONFIG,
            "ingest", """
                    usage: qabot ingest [--knowledge PATH]... [--stats]
                      reads the knowledge and prints what it found as one JSON line: documents, items,
                      turns and the problems (file, line, reason) of what it could not read
                      --knowledge PATH     a knowledge folder or file (repeatable; default: configured, or the sample)
                      --stats              the same report (the only one; kept for scripts that pass it)
                    """ + CONFIG,
            "eval", """
                    usage: qabot eval --knowledge PATH... --eval FILE.jsonl [--curve] [--verbose]
                           qabot eval --knowledge PATH... --replay DATE [--json]
                      scores the matcher on an evaluation file: coverage, precision, false answers, hit@1;
                      or backtests it on the knowledge's own history
                      --knowledge PATH     a knowledge folder or file (repeatable)
                      --eval FILE.jsonl    the evaluation lines
                      --curve              coverage, precision and false-answer rate per confidence threshold
                      --verbose            also each line's outcome
                      --replay DATE        knowledge dated before DATE only; ask the threads of the posts from DATE on
                      --json               with --replay: one JSON object (questions, answered, answers)
                    """ + CONFIG,
            "digest", """
                    usage: qabot digest --since DATE [--until DATE] [--unanswered] [--out FILE]
                      the maintainers' answers given from DATE as a SOFA Weekly Q&A section; beside a
                      running serve on the embedded store it asks serve (with QABOT_ADMIN_TOKEN)
                      --since DATE         the first day, like 2026-11-01 (in escalation.timeZone)
                      --until DATE         the last day (default: today)
                      --unanswered         append the most-asked questions nobody has answered yet
                      --out FILE           write to FILE instead of standard output
                    """ + CONFIG,
            "stats", """
                    usage: qabot stats [--since DATE] [--top N]
                      questions asked, answer rate, the most-asked questions and the most-asked ones
                      nobody has answered, as one JSON object; beside a running serve on the embedded
                      store it asks serve (with QABOT_ADMIN_TOKEN)
                      --since DATE         count from this day, like 2026-11-01 (default: all)
                      --top N              how many questions each list holds, 1-1000 (default 10)
                    """ + CONFIG);

    private Usage() {
    }

    // columns by format, as wide as their widest cell, not by hand: a hand-aligned table drifts as
    // soon as an option is added
    private static String table(List<List<String>> rows) {
        int command = rows.stream().mapToInt(r -> r.get(0).length()).max().orElse(0);
        int options = rows.stream().mapToInt(r -> r.get(1).length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.format(java.util.Locale.ROOT, "  %-" + command + "s %-" + options + "s  %s%n",
                    row.get(0), row.get(1), row.get(2)).stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** Whether {@code args} (a command's own) ask for its help: {@code --help} or {@code -h} before any {@code --}. */
    static boolean asked(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** The help of {@code command}; null for no such command. */
    static String of(String command) {
        return COMMAND.get(command);
    }
}
