package io.qabot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A format-neutral Q&amp;A thread: the opening question with its answer, then any follow-up
 * turns that keep the opening question as their context. Digest threads, FAQ entries and
 * maintainers' answers all become this, so the matcher never needs to know the format.
 *
 * <p>Askers' names are not part of the item: they never reach a reply.
 *
 * @param id      stable across re-reads of the same source: {@code file#thread}
 * @param turns   at least one; the first is the thread's opening question
 * @param links   project and GitHub links that belong to the thread, in order of appearance
 * @param project the project the thread is about (e.g. {@code SOFAJRaft}), or empty
 */
public record KnowledgeItem(String id, List<Turn> turns, List<String> links, String project,
                            Source source, Origin origin) {
    public KnowledgeItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        turns = List.copyOf(turns);
        links = List.copyOf(links);
        project = project == null ? "" : project;
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("item " + id + " has no turns");
        }
    }
}
