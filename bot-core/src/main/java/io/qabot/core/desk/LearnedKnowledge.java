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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge the bot answers from: the digests and FAQ pages (the base, replaced by each
 * reload) plus the live learned answers, in one index that is rebuilt off the message path and
 * swapped in one step whenever either changes, here or in another instance sharing the store.
 * Matching sees the old index or the new one, never a half-built one. The one owner of the live
 * index: the pipeline's matcher and what readiness asks.
 */
public final class LearnedKnowledge implements QuestionMatcher {
    private static final Logger log = LoggerFactory.getLogger(LearnedKnowledge.class);

    private final LearnedAnswers learned;
    private volatile KnowledgeIndex index;
    private final Function<List<KnowledgeItem>, KnowledgeIndex> indexer;
    // guarded by this: the parts of the current index and the snapshot it was built from
    private List<KnowledgeItem> base;
    // the settled base alone, or null until needed: with no learned answers it is the whole
    // knowledge, and settling 100k items again at every start and refresh cost seconds
    private KnowledgeSnapshot settledBase;
    private List<LearnedAnswer> live = List.of();
    private KnowledgeSnapshot snapshot;
    private long revision = Long.MIN_VALUE;

    /** Not ready until the first {@link #refreshIfChanged()} or {@link #replaceBase} builds the index. */
    public LearnedKnowledge(List<KnowledgeItem> base, LearnedAnswers learned) {
        this(base, null, learned, KnowledgeIndex::build);
    }

    /**
     * @param built   the index already built from {@code base}, or null to build it on the first refresh
     * @param indexer builds an index of the items (serve's reuses the analysis kept in the data
     *                folder, so a learned answer does not make it analyse the whole knowledge again)
     */
    public LearnedKnowledge(List<KnowledgeItem> base, KnowledgeIndex built, LearnedAnswers learned,
                            Function<List<KnowledgeItem>, KnowledgeIndex> indexer) {
        this(base, null, built, learned, indexer);
    }

    /**
     * @param settled {@code KnowledgeSnapshot.of(base)} when the caller has it already (serve's
     *                start settled the items to build {@code built}), or null to settle them here
     * @param built   the index already built from {@code settled.items()}, or null to build it on the first refresh
     */
    public LearnedKnowledge(List<KnowledgeItem> base, KnowledgeSnapshot settled, KnowledgeIndex built,
                            LearnedAnswers learned, Function<List<KnowledgeItem>, KnowledgeIndex> indexer) {
        this.indexer = Objects.requireNonNull(indexer, "indexer");
        this.base = List.copyOf(base);
        this.learned = Objects.requireNonNull(learned, "learned");
        this.index = built;
        this.settledBase = settled;
        this.snapshot = built == null ? KnowledgeSnapshot.EMPTY : settledBase();
    }

    @Override
    public Match match(String question) {
        return index.match(question);
    }

    /** The index answering now; null before the first is built. */
    public KnowledgeIndex index() {
        return index;
    }

    /** Whether there is an index to answer from: what {@code /readyz} asks of the knowledge. */
    public boolean ready() {
        return index != null;
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
        settledBase = null;
        return rebuild();
    }

    /** The items left out of the current index because a newer answer to the same question exists. */
    public synchronized List<Superseded> superseded() {
        return snapshot.superseded();
    }

    private KnowledgeChanges rebuild() {
        KnowledgeSnapshot next = live.isEmpty() ? settledBase() : KnowledgeSnapshot.of(withLive());
        KnowledgeChanges changes = next.changesSince(snapshot);
        if (changes.any() || index == null) {
            index = indexer.apply(next.items());
        }
        next.superseded().forEach(s -> log.debug("knowledge item {} is superseded by {}", s.id(), s.by()));
        snapshot = next;
        return changes;
    }

    private KnowledgeSnapshot settledBase() {
        if (settledBase == null) {
            settledBase = KnowledgeSnapshot.of(base);
        }
        return settledBase;
    }

    private List<KnowledgeItem> withLive() {
        List<KnowledgeItem> items = new ArrayList<>(base.size() + live.size());
        items.addAll(base);
        live.forEach(answer -> items.add(answer.toKnowledgeItem()));
        return items;
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
