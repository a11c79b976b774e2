package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.core.desk.QuestionStats;
import io.qabot.store.Store;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
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
        QuestionStats stats;
        try (Store store = Store.open(config.dataDir(), config.databaseUrl().map(Secret::value), Clock.system(zone))) {
            stats = store.questions().stats(since, top);
        }
        out.println(mapper.writeValueAsString(json(stats)));
        return 0;
    }

    ObjectNode json(QuestionStats stats) {
        ObjectNode json = mapper.createObjectNode();
        json.put("since", stats.since().toString());
        json.put("questions", stats.asked());
        json.put("answered", stats.answered());
        json.put("escalated", stats.asked() - stats.answered());
        json.put("answerRate", Math.round(stats.answerRate() * 1000) / 1000.0);
        topics(json.putArray("top"), stats.top());
        topics(json.putArray("gaps"), stats.gaps());
        return json;
    }

    private static void topics(ArrayNode array, List<QuestionStats.Topic> topics) {
        for (QuestionStats.Topic topic : topics) {
            array.addObject().put("question", topic.question()).put("count", topic.count())
                    .put("answered", topic.answered()).put("topic", topic.topic());
        }
    }

    private static int parseTop(String text) {
        if (text == null) {
            return 10;
        }
        try {
            int top = Integer.parseInt(text);
            if (top >= 1 && top <= 1000) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("stats: --top " + text + " is not a number from 1 to 1000");
    }

    private static Instant parseSince(String text, ZoneId zone) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("stats: --since " + text + " is not a date like 2026-11-01");
        }
    }
}
