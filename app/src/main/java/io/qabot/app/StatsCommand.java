package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.admin.StatsJson;
import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.core.desk.QuestionStats;
import io.qabot.store.Store;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qabot stats [--since DATE] [--top N]}: from the store, how many questions the bot was
 * asked, its answer rate, the most-asked questions and the most-asked ones it could not answer
 * (where the knowledge has gaps), as one JSON object.
 */
final class StatsCommand {
    private final Configuration configuration;
    private final ObjectMapper mapper;
    private final PrintStream out;

    StatsCommand(Configuration configuration, ObjectMapper mapper, PrintStream out) {
        this.configuration = configuration;
        this.mapper = mapper;
        this.out = out;
    }

    int run(List<String> args) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("--since", "--top", "--config"), Set.of());
        if (!arguments.words().isEmpty()) {
            throw new UsageException("stats: unexpected argument " + arguments.words().get(0));
        }
        int top = parseTop(arguments.one("--top"));
        QabotConfig config = configuration.load(arguments.one("--config"));
        ZoneId zone = config.escalation().timeZone().orElse(ZoneId.systemDefault());
        Instant since = parseSince(arguments.one("--since"), zone);
        Optional<RunningServe> serve = RunningServe.holdingStore(config, "stats");
        if (serve.isPresent()) {
            // the same JSON, from the same code, in the bot that has the store open
            String sinceDay = arguments.one("--since");
            out.println(mapper.writeValueAsString(serve.get().get("/api/v1/stats?top=" + top
                    + (sinceDay == null ? "" : "&since=" + sinceDay))));
            return 0;
        }
        QuestionStats stats;
        List<io.qabot.core.desk.QuestionLog.DayCount> days;
        try (Store store = Store.open(config.dataDir(), config.databaseUrl().map(Secret::value), Clock.system(zone))) {
            stats = store.questions().stats(since, top);
            days = store.questions().daily(StatsJson.chartFrom(since, Clock.system(zone), zone), zone);
        }
        out.println(mapper.writeValueAsString(StatsJson.of(stats, days)));
        return 0;
    }

    private static int parseTop(String text) {
        try {
            return StatsJson.top(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("stats: --top " + e.getMessage());
        }
    }

    private static Instant parseSince(String text, ZoneId zone) {
        try {
            return StatsJson.since(text, zone);
        } catch (IllegalArgumentException e) {
            throw new UsageException("stats: --since " + e.getMessage());
        }
    }
}
