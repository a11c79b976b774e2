package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** {@code qabot ingest [--stats]}: what the knowledge reader found, as one JSON line. */
final class IngestCommand {
    private final KnowledgeSources sources;
    private final Configuration configuration;
    private final ObjectMapper mapper;
    private final PrintStream out;

    IngestCommand(KnowledgeSources sources, Configuration configuration, ObjectMapper mapper, PrintStream out) {
        this.sources = sources;
        this.configuration = configuration;
        this.mapper = mapper;
        this.out = out;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--knowledge", "--config"), Set.of("--stats"));
        if (!arguments.words().isEmpty()) {
            throw new UsageException("ingest: unexpected argument " + arguments.words().get(0));
        }
        Corpus corpus = sources.read(arguments.all("--knowledge"), configuration.knowledge(arguments.one("--config")));
        ObjectNode stats = mapper.createObjectNode();
        stats.put("documents", corpus.documents());
        stats.put("items", corpus.items().size());
        stats.put("turns", corpus.turns());
        ArrayNode problems = stats.putArray("problems");
        for (Problem p : corpus.problems()) {
            problems.addObject().put("file", p.file()).put("line", p.line()).put("reason", p.reason());
        }
        try {
            // one report, one line, with or without --stats: what scripts and the README show
            out.println(mapper.writeValueAsString(stats));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
