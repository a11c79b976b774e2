package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.knowledge.ingest.KnowledgeReader;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code qabot} command line: {@code serve}, {@code ask}, {@code ingest}, {@code eval}, {@code digest}, {@code stats}. */
public final class Main {
    private static final String USAGE = """
            usage: qabot <command> [options]
              serve  [--config FILE]                          run the bot
              ask    [--knowledge PATH]... [--json] [--explain] [QUESTION...]  answer a question (or each stdin line)
              ingest [--knowledge PATH]... --stats            what the knowledge reader finds, as JSON
              eval   --knowledge PATH... --eval FILE.jsonl [--curve]  score the matcher on an evaluation file
              eval   --knowledge PATH... --replay DATE [--json]     backtest: knowledge before DATE, questions after
              digest --since DATE [--out FILE]                 maintainers' answers since DATE as a weekly Q&A section
              stats  [--since DATE] [--top N]                  questions asked, answer rate, most-asked and unanswered ones""";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(Arrays.asList(args), System.getenv(), System.in, out, err);
        if (status != 0 || args.length == 0 || !args[0].equals("serve")) {
            System.exit(status);
        }
    }

    static int run(List<String> args, Map<String, String> environment, InputStream in, PrintStream out,
                   PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        ObjectMapper mapper = new ObjectMapper();
        KnowledgeSources sources = new KnowledgeSources(new KnowledgeReader());
        Configuration configuration = new Configuration(environment, warning -> err.println("qabot: " + warning));
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "serve" -> new ServeCommand(sources, configuration).run(rest);
                case "ask" -> new AskCommand(sources, configuration, mapper, in, out).run(rest);
                case "ingest" -> new IngestCommand(sources, configuration, mapper, out).run(rest);
                case "eval" -> new EvalCommand(sources, configuration, mapper, out).run(rest);
                case "digest" -> new DigestCommand(configuration, out, err).run(rest);
                case "stats" -> new StatsCommand(configuration, mapper, out).run(rest);
                default -> throw new UsageException("unknown command '" + args.get(0) + "'\n" + USAGE);
            };
        } catch (UsageException e) {
            err.println("qabot: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("qabot: " + e);
            return 1;
        }
    }
}
