package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.admin.ExplanationJson;
import io.qabot.connectors.ask.AskObject;
import io.qabot.knowledge.Explanation;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.Match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code qabot ask}: one question from the words given, or every line of standard input,
 * one result a line in input order (an empty line too, so results stay aligned with input).
 */
final class AskCommand {
    private final KnowledgeSources sources;
    private final Configuration configuration;
    private final ObjectMapper mapper;
    private final InputStream in;
    private final PrintStream out;

    AskCommand(KnowledgeSources sources, Configuration configuration, ObjectMapper mapper, InputStream in,
               PrintStream out) {
        this.sources = sources;
        this.configuration = configuration;
        this.mapper = mapper;
        this.in = in;
        this.out = out;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--knowledge", "--config"), Set.of("--json", "--explain"));
        KnowledgeIndex index = sources.index(arguments.all("--knowledge"), configuration.load(arguments.one("--config")));
        boolean asJson = arguments.flag("--json");
        boolean explain = arguments.flag("--explain");
        if (!arguments.words().isEmpty()) {
            answer(index, String.join(" ", arguments.words()), asJson, explain);
            return 0;
        }
        // Malformed UTF-8 becomes U+FFFD rather than an error: one bad line must not stop the rest.
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                answer(index, line, asJson, explain);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input failed", e);
        }
        return 0;
    }

    private void answer(KnowledgeIndex index, String question, boolean asJson, boolean explain) {
        if (!explain) {
            print(index.match(question), null, asJson);
            return;
        }
        Explanation why = index.explain(question);
        print(why.match(), why, asJson);
    }

    private void print(Match match, Explanation why, boolean asJson) {
        AskObject result = AskObject.of(match, AskObject.GENERIC_REPLY);
        if (asJson) {
            try {
                ObjectNode json = result.toJson();
                if (why != null) {
                    json.set("explain", ExplanationJson.of(why));
                }
                out.println(mapper.writeValueAsString(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (why != null) {
            // the explanation first, then the usual one-line result
            out.printf(Locale.ROOT, "  decided by %s%n", why.decidedBy());
            out.printf(Locale.ROOT, "  model confidence %.3f (threshold %.3f, bias %.3f)%n", why.modelConfidence(),
                    why.threshold(), why.bias());
            why.features().forEach((name, value) -> out.printf(Locale.ROOT, "    %-17s %6.3f  adds %+.3f%n", name, value,
                    why.contributions().get(name)));
            match.best().ifPresent(c -> out.printf(Locale.ROOT, "  best      %s turn %d: %s%n", c.item().id(), c.turnIndex(),
                    oneLine(c.turn().question())));
            if (why.runnerUp() != null) {
                out.printf(Locale.ROOT, "  runner-up %s turn %d: %s%n", why.runnerUp().item().id(),
                        why.runnerUp().turnIndex(), oneLine(why.runnerUp().turn().question()));
            }
        }
        // one line a result, so the output stays aligned with the input lines
        String text = result.reply() == null ? "" : " " + result.reply().replaceAll("\\s*\\R\\s*", " ⏎ ");
        out.printf(Locale.ROOT, "%s (%.2f)%s%n", match.decision().wireName(), match.confidence(), text);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
