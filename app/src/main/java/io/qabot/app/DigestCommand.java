package io.qabot.app;

import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.core.desk.LearnedAnswer;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code qabot digest --since DATE [--out FILE]}: the questions maintainers answered since
 * DATE (in the escalation time zone), as a Q&amp;A section for the next weekly post, read from
 * the configured store.
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

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--since", "--out", "--config"), Set.of());
        if (!arguments.words().isEmpty()) {
            throw new UsageException("digest: unexpected argument " + arguments.words().get(0));
        }
        String since = arguments.one("--since");
        if (since == null) {
            throw new UsageException("digest: --since DATE is required (like --since 2026-11-01)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(since);
        } catch (DateTimeParseException e) {
            throw new UsageException("digest: --since " + since + " is not a date like 2026-11-01");
        }
        QabotConfig config = configuration.load(arguments.one("--config"));
        ZoneId zone = config.escalation().timeZone().orElse(ZoneId.systemDefault());
        List<LearnedAnswer> answers;
        List<RetiredItem> retired;
        try (Store store = Store.open(config.dataDir(), config.databaseUrl().map(Secret::value), Clock.system(zone))) {
            answers = store.learned().answeredSince(date.atStartOfDay(zone).toInstant());
            retired = store.feedback().retired();
        }
        String section = WeeklyDigestWriter.section(answers);
        String file = arguments.one("--out");
        if (file == null) {
            out.print(section);
        } else {
            try {
                Files.writeString(Path.of(file), section, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("digest: cannot write " + file, e);
            }
            err.println("qabot: " + answers.size() + " answered questions since " + date + " written to " + file);
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
