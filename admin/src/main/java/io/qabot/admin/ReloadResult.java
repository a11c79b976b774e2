package io.qabot.admin;

import io.qabot.knowledge.snapshot.KnowledgeChanges;
import java.time.Duration;
import java.util.Objects;

/**
 * What one knowledge reload found and did, as {@code POST /api/v1/knowledge/reload} reports it.
 *
 * @param documents files read as text
 * @param items     Q&amp;A threads read (before superseded ones are left out)
 * @param problems  what the reader could not use, as {@code qabot ingest --stats} lists it
 * @param changes   what the reload changed in the index, by item id; nothing changed means the
 *                  index was kept as it was
 * @param took      how long reading and indexing took
 */
public record ReloadResult(int documents, int items, int turns, int problems, KnowledgeChanges changes, Duration took) {
    public ReloadResult {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(took, "took");
    }
}
