package io.qabot.knowledge;

import java.util.Collection;
import java.util.List;

/**
 * An immutable, thread-safe search index over knowledge items. Build one per knowledge
 * snapshot; swap the reference to reload.
 */
public final class KnowledgeIndex {
    private final List<KnowledgeItem> items;

    private KnowledgeIndex(List<KnowledgeItem> items) {
        this.items = items;
    }

    public static KnowledgeIndex build(Collection<KnowledgeItem> items) {
        return new KnowledgeIndex(List.copyOf(items));
    }

    public int size() {
        return items.size();
    }

    /** Matches one chat message against the knowledge. Never throws for any text. */
    public Match match(String question) {
        // placeholder until the Lucene matcher lands: escalates everything
        return new Match(question, question.isBlank() ? Decision.IGNORE : Decision.ESCALATE, 0, List.of());
    }
}
