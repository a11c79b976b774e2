package io.qabot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Source;

import java.util.function.Function;

/**
 * The {@code ask --json} object of the contract: question, decision, score and, for an
 * answer, the answer, its links, its source and the reply the bot would post.
 */
final class AskResultJson {
    private final ObjectMapper mapper;
    private final Function<Match, String> replyText;

    AskResultJson(ObjectMapper mapper, Function<Match, String> replyText) {
        this.mapper = mapper;
        this.replyText = replyText;
    }

    ObjectNode of(Match match) {
        ObjectNode json = mapper.createObjectNode();
        json.put("question", match.question());
        json.put("decision", match.decision().wireName());
        json.put("score", Math.round(match.confidence() * 1000) / 1000.0);
        if (match.decision() == Decision.ANSWER && match.best().isPresent()) {
            Candidate best = match.best().get();
            json.put("answer", best.turn().answer());
            best.item().links().forEach(json.putArray("links")::add);
            Source source = best.item().source();
            ObjectNode src = json.putObject("source");
            src.put("file", source.file());
            src.put("title", source.title());
            src.put("date", source.date() == null ? null : source.date().toString());
            src.put("url", source.url());
            json.put("reply", replyText.apply(match));
        } else {
            json.putNull("answer");
            json.putArray("links");
            json.putNull("source");
            json.putNull("reply");
        }
        return json;
    }
}
