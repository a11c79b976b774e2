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
 * The join as it was before {@link SameQuestion} kept each open question's key and analysis:
 * the folded keys compared one by one, then a whole index built over the open questions
 * whenever they changed. Kept verbatim (bar the name) as the reference the kept version must
 * agree with, question for question ({@link SameQuestionAgreesWithTheOldJoinTest}).
 */
final class SameQuestionAsBefore {
    /** See the class comment: the best rank score is 1 plus coverage shares worth up to 1.6. */
    static final double MIN_RANK_SCORE = SameQuestion.MIN_RANK_SCORE;
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Punct}？！。，、]+");

    private volatile Snapshot last = new Snapshot(Map.of(), null);

    /** The id of the open question {@code question} repeats, if any. */
    OptionalLong find(String question, List<SameQuestion.Open> open) {
        if (open.isEmpty()) {
            return OptionalLong.empty();
        }
        String key = key(question);
        for (SameQuestion.Open candidate : open) {
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
    static String key(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACING.matcher(folded).replaceAll(" ").strip();
    }

    private KnowledgeIndex index(List<SameQuestion.Open> open) {
        Map<Long, String> questions = new java.util.HashMap<>();
        open.forEach(o -> questions.put(o.id(), o.question()));
        Snapshot snapshot = last;
        if (!snapshot.questions().equals(questions)) {
            List<KnowledgeItem> items = open.stream().map(SameQuestionAsBefore::item).toList();
            snapshot = new Snapshot(Map.copyOf(questions), KnowledgeIndex.build(items));
            last = snapshot;
        }
        return snapshot.index();
    }

    // The question doubles as the answer: the matcher weighs answer words too, and an open
    // escalation's only words are its question's.
    private static KnowledgeItem item(SameQuestion.Open open) {
        return new KnowledgeItem("escalation#" + open.id(), List.of(new Turn(open.question(), open.question(), 0)),
                List.of(), "", new Source("escalations", "", null, null), Origin.MAINTAINER);
    }

    private record Snapshot(Map<Long, String> questions, KnowledgeIndex index) {
    }
}
