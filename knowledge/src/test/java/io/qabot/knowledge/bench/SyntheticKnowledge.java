package io.qabot.knowledge.bench;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grows a real corpus to any size for scale benchmarks: each synthetic item splices the
 * first half of one real question onto the second half of another and keeps a real answer,
 * so term statistics and text lengths stay those of real digests.
 */
final class SyntheticKnowledge {
    private SyntheticKnowledge() {
    }

    static List<KnowledgeItem> grow(List<KnowledgeItem> real, int size, long seed) {
        List<Turn> turns = real.stream().flatMap(i -> i.turns().stream()).toList();
        List<KnowledgeItem> grown = new ArrayList<>(real);
        Random random = new Random(seed);
        for (int i = grown.size(); i < size; i++) {
            Turn a = turns.get(random.nextInt(turns.size()));
            Turn b = turns.get(random.nextInt(turns.size()));
            String question = a.question().substring(0, a.question().length() / 2)
                    + b.question().substring(b.question().length() / 2);
            Source source = new Source("synthetic-" + i + ".md", "synthetic " + i, null, null);
            grown.add(new KnowledgeItem("synthetic-" + i + ".md#1", List.of(new Turn(question, a.answer(), 1)),
                    List.of(), "", source, Origin.DIGEST));
        }
        return grown;
    }
}
