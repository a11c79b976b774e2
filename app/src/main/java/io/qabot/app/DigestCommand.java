package io.qabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.admin.RetiredItemJson;
import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.core.feedback.RetiredItem;
import io.qabot.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qabot digest --since DATE [--until DATE] [--unanswered] [--out FILE]}: the questions
 * maintainers answered since DATE (in the escalation time zone), as a Q&amp;A section for the
 * next weekly post, read from the configured store, or from the running bot that has the
 * embedded store open (see {@link RunningServe}).
 */
final class DigestCommand {

    private final Configuration configuration;
    private final PrintStream out;
    private final PrintStream err;

    DigestCommand(Configuration configuration, PrintStream out, PrintStream err) {
        this.configuration = configuration;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException, InterruptedException {
        Arguments arguments = Arguments.parse(args, Set.of("--since", "--until", "--out", "--config"),
                Set.of("--unanswered"));
        if (!arguments.words().isEmpty()) {
            throw new UsageException("digest: unexpected argument " + arguments.words().get(0));
        }
        String since = arguments.one("--since");
        if (since == null) {
            throw new UsageException("digest: --since DATE is required (like --since 2026-11-01)");
        }
        LocalDate from = WeeklyDigest.day("digest: --since", since);
        Optional<LocalDate> until = Optional.ofNullable(arguments.one("--until")).map(d -> WeeklyDigest.day("digest: --until", d));
        boolean unanswered = arguments.flag("--unanswered");
        QabotConfig config = configuration.load(arguments.one("--config"));
        ZoneId zone = config.escalation().timeZone().orElse(ZoneId.systemDefault());
        WeeklyDigest.Written written;
        List<RetiredItem> retired = new java.util.ArrayList<>();
        Optional<RunningServe> serve = RunningServe.holdingStore(config, "digest");
        if (serve.isPresent()) {
            JsonNode json = serve.get().get("/api/v1/digest?since=" + from + until.map(d -> "&until=" + d).orElse("")
                    + (unanswered ? "&unanswered=true" : ""));
            written = new WeeklyDigest.Written(json.path("answered").asInt(), json.path("unanswered").asInt(),
                    json.path("markdown").asText());
            for (JsonNode item : serve.get().get("/api/v1/knowledge/retired").path("items")) {
                retired.add(RetiredItemJson.read(item));
            }
        } else {
            try (Store store = Store.open(config.dataDir(), config.databaseUrl().map(Secret::value), Clock.system(zone))) {
                written = new WeeklyDigest(store.learned(), store.questions(), zone).write(from, until, unanswered);
                retired.addAll(store.feedback().retired());
            }
        }
        String file = arguments.one("--out");
        if (file == null) {
            out.print(written.markdown());
        } else {
            try {
                Files.writeString(Path.of(file), written.markdown(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("digest: cannot write " + file, e);
            }
            err.println("qabot: " + written.answered() + " answered questions since " + from + " written to " + file);
        }
        // on standard error: the section on standard output is read back as a digest, and these are not Q&A
        for (RetiredItem item : retired) {
            err.println("qabot: retired, never answered from: " + item.itemId() + " (by "
                    + (item.maintainer().isEmpty() ? "a maintainer" : item.maintainer()) + " on "
                    + item.retired().atZone(zone).toLocalDate() + (item.reason().isEmpty() ? "" : ": " + item.reason()) + ")");
        }
        return 0;
    }
}
