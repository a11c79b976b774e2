package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.ask.AskObject;
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
        Arguments arguments = Arguments.parse(args, Set.of("--knowledge", "--config"), Set.of("--json"));
        KnowledgeIndex index = sources.index(arguments.all("--knowledge"), configuration.load(arguments.one("--config")));
        boolean asJson = arguments.flag("--json");
        if (!arguments.words().isEmpty()) {
            print(index.match(String.join(" ", arguments.words())), asJson);
            return 0;
        }
        // Malformed UTF-8 becomes U+FFFD rather than an error: one bad line must not stop the rest.
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                print(index.match(line), asJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input failed", e);
        }
        return 0;
    }

    private void print(Match match, boolean asJson) {
        AskObject result = AskObject.of(match, AskObject.GENERIC_REPLY);
        if (asJson) {
            try {
                out.println(mapper.writeValueAsString(result.toJson()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        // one line a result, so the output stays aligned with the input lines
        String text = result.reply() == null ? "" : " " + result.reply().replaceAll("\\s*\\R\\s*", " ⏎ ");
        out.printf(Locale.ROOT, "%s (%.2f)%s%n", match.decision().wireName(), match.confidence(), text);
    }
}
