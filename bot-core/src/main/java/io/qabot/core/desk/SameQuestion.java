package io.qabot.core.desk;

import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Decides whether a new question is one that is already waiting for a maintainer. Two tests,
 * cheapest first: the same words once case, width, spacing and punctuation are folded away; or
 * the matcher itself, run over the open questions as if they were knowledge, answering
 * confidently with one of them. The second is what joins "jraft 能跨机房部署吗" to
 * "JRaft 支持跨机房部署吗" the way the bot would answer both from one digest thread.
 *
 * <p>The matcher's confidence is calibrated on a whole knowledge base; over a handful of open
 * questions it is sure of almost anything that shares a product name. So a candidate must also
 * have a high ranking score: with the best BM25 counting 1, the rest of that score is how much
 * of the question the candidate's words cover and how much of the candidate the question's
 * words cover (at most 1.6 more). Paraphrases score 1.8–2.6, questions that only share a
 * product 1.2–1.5.
 *
 * <p>Thread-safe; keeps the index of the last set of open questions it saw, since that set
 * changes far less often than questions arrive.
 */
public final class SameQuestion {
    /** See the class comment: the best rank score is 1 plus coverage shares worth up to 1.6. */
    static final double MIN_RANK_SCORE = 1.7;
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Punct}？！。，、]+");

    private volatile Snapshot last = new Snapshot(Map.of(), null);

    /** An open escalation's id and question. */
    public record Open(long id, String question) {
    }

    /** The id of the open question {@code question} repeats, if any. */
    public OptionalLong find(String question, List<Open> open) {
        if (open.isEmpty()) {
            return OptionalLong.empty();
        }
        String key = key(question);
        for (Open candidate : open) {
            if (key(candidate.question()).equals(key)) {
                return OptionalLong.of(candidate.id());
            }
        }
        Match match = index(open).match(question);
        if (match.decision() != Decision.ANSWER) {
            return OptionalLong.empty();
        }
        Candidate best = match.best().orElseThrow();
        if (best.score() < MIN_RANK_SCORE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(best.item().id().substring("escalation#".length())));
    }

    /** Questions differing only in case, width, spacing or punctuation have the same key. */
    public static String key(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACING.matcher(folded).replaceAll(" ").strip();
    }

    private KnowledgeIndex index(List<Open> open) {
        Map<Long, String> questions = new java.util.HashMap<>();
        open.forEach(o -> questions.put(o.id(), o.question()));
        Snapshot snapshot = last;
        if (!snapshot.questions().equals(questions)) {
            List<KnowledgeItem> items = open.stream().map(SameQuestion::item).toList();
            snapshot = new Snapshot(Map.copyOf(questions), KnowledgeIndex.build(items));
            last = snapshot;
        }
        return snapshot.index();
    }

    // The question doubles as the answer: the matcher weighs answer words too, and an open
    // escalation's only words are its question's.
    private static KnowledgeItem item(Open open) {
        return new KnowledgeItem("escalation#" + open.id(), List.of(new Turn(open.question(), open.question(), 0)),
                List.of(), "", new Source("escalations", "", null, null), Origin.MAINTAINER);
    }

    private record Snapshot(Map<Long, String> questions, KnowledgeIndex index) {
    }
}
