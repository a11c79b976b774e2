package io.qabot.knowledge;

import java.util.List;

/**
 * Everything read from a set of knowledge paths: how many documents were read, the items
 * found in them and the problems met on the way.
 */
public record Corpus(int documents, List<KnowledgeItem> items, List<Problem> problems) {
    public Corpus {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public int turns() {
        return items.stream().mapToInt(i -> i.turns().size()).sum();
    }
}
