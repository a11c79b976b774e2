package io.qabot.core.desk;

import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KeptAnalyses;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.snapshot.QuestionKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decides whether a new question is one that is already waiting for a maintainer. Two tests,
 * cheapest first: the same {@link QuestionKey} (the same letters and digits once case and width
 * are folded: spacing, punctuation and symbols do not count), the one definition of "the same
 * question" the knowledge's superseding uses too; or the matcher itself, run over the open questions as if they were knowledge, answering
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
 * <p>Thread-safe, and cheap when the open questions change a little at a time: each open
 * question's folded key and analysis are worked out once, keyed by its id, and kept while it is
 * open; a new set of open questions costs one index build over the kept analyses (the same
 * index {@link KnowledgeIndex#build} would make, so the same decisions), done when a question
 * first needs the matcher over that set. What is kept is bounded by the list the caller passes
 * (the store compares with at most its window of open questions).
 */
public final class SameQuestion {
    /** See the class comment: the best rank score is 1 plus coverage shares worth up to 1.6. */
    static final double MIN_RANK_SCORE = 1.7;

    private final KeptAnalyses analyses = new KeptAnalyses();
    private volatile OpenSet last = OpenSet.NONE;

    /** An open escalation's id and question. */
    public record Open(long id, String question) {
    }

    /** The id of the open question {@code question} repeats, if any. */
    public OptionalLong find(String question, List<Open> open) {
        if (open.isEmpty()) {
            return OptionalLong.empty();
        }
        OpenSet set = openSet(open);
        // a key without a letter or digit ("？？", emoji) says nothing about what is asked
        String key = QuestionKey.of(question);
        Long sameKey = key.isEmpty() ? null : set.firstByKey().get(key);
        if (sameKey != null) {
            return OptionalLong.of(sameKey);
        }
        Match match = set.index(analyses).match(question);
        if (match.decision() != Decision.ANSWER) {
            return OptionalLong.empty();
        }
        Candidate best = match.best().orElseThrow();
        if (best.score() < MIN_RANK_SCORE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(best.item().id().substring("escalation#".length())));
    }

    /** The last set seen when {@code open} is it, else a new one taking the keys it can from the last. */
    private OpenSet openSet(List<Open> open) {
        OpenSet previous = last;
        if (previous.open().equals(open)) {
            return previous;
        }
        OpenSet next = OpenSet.of(List.copyOf(open), previous);
        last = next;
        return next;
    }

    // The question doubles as the answer: the matcher weighs answer words too, and an open
    // escalation's only words are its question's.
    private static KnowledgeItem item(Open open) {
        return new KnowledgeItem("escalation#" + open.id(), List.of(new Turn(open.question(), open.question(), 0)),
                List.of(), "", new Source("escalations", "", null, null), Origin.MAINTAINER);
    }

    /**
     * One list of open questions with each one's key, and the first id per key in the list's
     * order (the order the old loop compared them in); the index over them is built when first asked for.
     */
    private static final class OpenSet {
        static final OpenSet NONE = new OpenSet(List.of(), Map.of(), Map.of());

        private final List<Open> open;
        private final Map<Long, Keyed> byId;
        private final Map<String, Long> firstByKey;
        private KnowledgeIndex index; // guarded by this

        private OpenSet(List<Open> open, Map<Long, Keyed> byId, Map<String, Long> firstByKey) {
            this.open = open;
            this.byId = byId;
            this.firstByKey = firstByKey;
        }

        static OpenSet of(List<Open> open, OpenSet previous) {
            Map<Long, Keyed> byId = new HashMap<>();
            Map<String, Long> firstByKey = new HashMap<>();
            for (Open o : open) {
                Keyed known = previous.byId.get(o.id());
                Keyed keyed = known != null && known.question().equals(o.question()) ? known
                        : new Keyed(o.question(), QuestionKey.of(o.question()));
                byId.put(o.id(), keyed);
                firstByKey.putIfAbsent(keyed.key(), o.id());
            }
            return new OpenSet(open, byId, firstByKey);
        }

        List<Open> open() {
            return open;
        }

        Map<String, Long> firstByKey() {
            return firstByKey;
        }

        // Built once per set under this set's own lock: a second question over the same set waits
        // for this build rather than making another; nothing else is held meanwhile.
        synchronized KnowledgeIndex index(KeptAnalyses analyses) {
            if (index == null) {
                index = analyses.build(open.stream().map(SameQuestion::item).toList());
            }
            return index;
        }
    }

    private record Keyed(String question, String key) {
    }
}
