package io.qabot.connectors.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.core.Platform;
import io.qabot.core.reply.Answer;
import io.qabot.core.reply.ReplyRenderer;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ask --json} result, field for field as contracts.md has it. {@code answer},
 * {@code links} and {@code source} are set only for {@code decision = answer}; {@code reply}
 * is the text the bot would post (null when it posts nothing).
 */
public record AskObject(String question, Decision decision, double score, String answer, List<String> links,
                        Source source, String reply) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The generic reply (CommonMark, webhook length) that {@code ask} shows for a question asked outside a chat. */
    public static final ReplyRenderer GENERIC_REPLY =
            ReplyRenderer.of(Platform.WEBHOOK.dialect(), Platform.WEBHOOK.maxReplyChars());

    public AskObject {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(decision, "decision");
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A question asked outside any chat: the reply addresses no one. */
    public static AskObject of(Match match, ReplyRenderer renderer) {
        Optional<Candidate> best = answered(match);
        return of(match, best.map(c -> renderer.render(Answer.of(c), null)).orElse(null));
    }

    /** The verdict with the reply the bot actually made (null when it stayed silent). */
    public static AskObject of(Match match, String reply) {
        Optional<Candidate> best = answered(match);
        return new AskObject(match.question(), match.decision(), match.confidence(),
                best.map(c -> c.turn().answer()).orElse(null),
                best.map(c -> c.item().links()).orElse(List.of()),
                best.map(c -> c.item().source()).orElse(null),
                reply);
    }

    private static Optional<Candidate> answered(Match match) {
        return match.decision() == Decision.ANSWER ? match.best() : Optional.empty();
    }

    public ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("question", question);
        json.put("decision", decision.wireName());
        json.put("score", score);
        json.put("answer", answer);
        ArrayNode linkArray = json.putArray("links");
        links.forEach(linkArray::add);
        if (source == null) {
            json.putNull("source");
        } else {
            ObjectNode s = json.putObject("source");
            s.put("file", source.file());
            s.put("title", source.title());
            s.put("date", source.date() == null ? null : source.date().toString());
            s.put("url", source.url());
        }
        json.put("reply", reply);
        return json;
    }
}
