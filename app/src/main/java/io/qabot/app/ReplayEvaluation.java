package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.MatchingConfig;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Replay;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code qabot eval --replay DATE}: a backtest on the knowledge's own history. The bot knows
 * what was posted before DATE (and the undated FAQ pages), and is asked the opening question
 * of every thread posted on or after it. Only a real repeat of an earlier thread should be
 * answered, so the share answered says how often the bot would have spoken, and the answers
 * listed are what to read: each a later question, the answer it would have got and where
 * that answer came from.
 */
final class ReplayEvaluation {
    private final PrintStream out;
    private final ObjectMapper mapper;

    ReplayEvaluation(PrintStream out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("eval: --replay " + text + " is not a date like 2021-01-01");
        }
    }

    int run(List<KnowledgeItem> items, LocalDate date, MatchingConfig matching, boolean asJson) {
        Replay replay = Replay.split(KnowledgeSnapshot.of(items).items(), date);
        if (replay.later().isEmpty()) {
            throw new UsageException("eval: no knowledge is dated on or after " + date + ": nothing to replay");
        }
        KnowledgeIndex index = KnowledgeSources.index(replay.knowledge(), matching);
        ArrayNode answers = mapper.createArrayNode();
        for (KnowledgeItem thread : replay.later()) {
            String question = Replay.question(thread);
            Match match = index.match(question);
            if (match.decision() != Decision.ANSWER) {
                continue;
            }
            Candidate answer = match.best().orElseThrow();
            ObjectNode entry = answers.addObject();
            entry.put("question", question);
            entry.put("post", thread.source().file());
            entry.put("postDate", String.valueOf(thread.source().date()));
            entry.put("answer", answer.turn().answer());
            entry.put("from", answer.item().source().file());
            if (answer.item().source().date() == null) {
                entry.putNull("fromDate"); // an FAQ page
            } else {
                entry.put("fromDate", answer.item().source().date().toString());
            }
            entry.put("fromQuestion", answer.turn().question());
            entry.put("confidence", Math.round(match.confidence() * 1000) / 1000.0);
        }
        int asked = replay.later().size();
        if (asJson) {
            ObjectNode json = mapper.createObjectNode();
            json.put("date", date.toString());
            json.put("knowledgeItems", replay.knowledge().size());
            json.put("questions", asked);
            json.put("answered", answers.size());
            json.set("answers", answers);
            try {
                out.println(mapper.writeValueAsString(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        for (var a : answers) {
            out.printf(Locale.ROOT, "ANSWERED %.3f %s: %s%n    from %s: %s%n", a.get("confidence").asDouble(),
                    a.get("post").asText(), oneLine(a.get("question").asText()), a.get("from").asText(),
                    oneLine(a.get("fromQuestion").asText()));
        }
        out.printf(Locale.ROOT, "replay %s: knowledge %d items from before it (FAQ pages included); "
                        + "%d later questions asked, %d answered (%.1f %%)%n", date, replay.knowledge().size(), asked,
                answers.size(), 100.0 * answers.size() / asked);
        return 0;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 110 ? line.substring(0, 110) + "…" : line;
    }
}
