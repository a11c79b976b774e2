package io.qabot.core.desk;

import io.qabot.core.QuestionMatcher;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.snapshot.KnowledgeChanges;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;
import io.qabot.knowledge.snapshot.Superseded;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge the bot answers from: the digests and FAQ pages (the base, replaced by each
 * reload) plus the live learned answers, in one index that is rebuilt off the message path and
 * swapped in one step whenever either changes, here or in another instance sharing the store.
 * Readers of the reference see the old index or the new one, never a half-built one.
 */
public final class LearnedKnowledge implements QuestionMatcher {
    private static final Logger log = LoggerFactory.getLogger(LearnedKnowledge.class);

    private final LearnedAnswers learned;
    private final AtomicReference<KnowledgeIndex> index;
    // guarded by this: the parts of the current index and the snapshot it was built from
    private List<KnowledgeItem> base;
    private List<LearnedAnswer> live = List.of();
    private KnowledgeSnapshot snapshot;
    private long revision = Long.MIN_VALUE;

    /**
     * @param index the reference the rest of the app reads the knowledge from; it is replaced
     *              here, so a reload and a learned answer both land in one place. If it already
     *              holds an index, that index is taken to be built from {@code base}
     */
    public LearnedKnowledge(List<KnowledgeItem> base, LearnedAnswers learned, AtomicReference<KnowledgeIndex> index) {
        this.base = List.copyOf(base);
        this.learned = Objects.requireNonNull(learned, "learned");
        this.index = Objects.requireNonNull(index, "index");
        this.snapshot = index.get() == null ? KnowledgeSnapshot.EMPTY : KnowledgeSnapshot.of(this.base);
    }

    @Override
    public Match match(String question) {
        return index.get().match(question);
    }

    public KnowledgeIndex index() {
        return index.get();
    }

    /** Re-indexes when the store's revision moved since the last look; returns whether it did. */
    public synchronized boolean refreshIfChanged() {
        long now = learned.revision();
        if (now == revision) {
            return false;
        }
        live = learned.learned(false);
        KnowledgeChanges changes = rebuild();
        log.info("knowledge re-indexed: {} learned answers (revision {}): {}", live.size(), now, changes);
        revision = now;
        return true;
    }

    /**
     * Replaces the digests and FAQ pages with a fresh read, keeping the learned answers, and swaps
     * the index if anything changed. Items keep their ids across reads, so the result tells what
     * the reload added, changed and removed; a read that changed nothing keeps the current index.
     */
    public synchronized KnowledgeChanges replaceBase(List<KnowledgeItem> items) {
        base = List.copyOf(items);
        return rebuild();
    }

    /** The items left out of the current index because a newer answer to the same question exists. */
    public synchronized List<Superseded> superseded() {
        return snapshot.superseded();
    }

    private KnowledgeChanges rebuild() {
        List<KnowledgeItem> items = new ArrayList<>(base.size() + live.size());
        items.addAll(base);
        live.forEach(answer -> items.add(answer.toKnowledgeItem()));
        KnowledgeSnapshot next = KnowledgeSnapshot.of(items);
        KnowledgeChanges changes = next.changesSince(snapshot);
        if (changes.any() || index.get() == null) {
            KnowledgeIndex current = index.get();
            KnowledgeIndex built = KnowledgeIndex.build(next.items());
            // a deployment's matching.minConfidence, set on the first index, holds for every re-index
            index.set(current == null ? built : built.withMinConfidence(current.minConfidence()));
        }
        next.superseded().forEach(s -> log.debug("knowledge item {} is superseded by {}", s.id(), s.by()));
        snapshot = next;
        return changes;
    }

    /** Like {@link #refreshIfChanged()} for a scheduler: a failing store is logged, and the old index stays. */
    public void poll() {
        try {
            refreshIfChanged();
        } catch (RuntimeException e) {
            log.warn("could not refresh the learned answers; answering from the previous index", e);
        }
    }
}
