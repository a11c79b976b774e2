package io.qabot.knowledge.snapshot;

/**
 * What one reload changed, counted in items by their stable ids.
 *
 * @param superseded items left out because a newer answer to the same question exists
 */
public record KnowledgeChanges(int added, int changed, int removed, int unchanged, int superseded) {

    /** Whether the new snapshot differs from the old one, so the index must be rebuilt. */
    public boolean any() {
        return added > 0 || changed > 0 || removed > 0;
    }
}
