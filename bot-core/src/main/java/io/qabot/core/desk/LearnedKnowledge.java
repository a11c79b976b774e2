package io.qabot.core.desk;

import io.qabot.core.QuestionMatcher;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge the bot answers from: the digests and FAQ pages read at start-up plus the live
 * learned answers, in one index that is rebuilt (off the message path) and swapped whenever
 * the learned answers change, here or in another instance sharing the store.
 */
public final class LearnedKnowledge implements QuestionMatcher {
    private static final Logger log = LoggerFactory.getLogger(LearnedKnowledge.class);

    private final List<KnowledgeItem> base;
    private final LearnedAnswers learned;
    private final AtomicReference<KnowledgeIndex> index;
    private long revision = Long.MIN_VALUE;

    /**
     * @param index the reference the rest of the app reads the knowledge from; it is replaced
     *              here, so a reload elsewhere and a learned answer both land in one place
     */
    public LearnedKnowledge(List<KnowledgeItem> base, LearnedAnswers learned, AtomicReference<KnowledgeIndex> index) {
        this.base = List.copyOf(base);
        this.learned = Objects.requireNonNull(learned, "learned");
        this.index = Objects.requireNonNull(index, "index");
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
        List<LearnedAnswer> live = learned.learned(false);
        List<KnowledgeItem> items = new ArrayList<>(base.size() + live.size());
        items.addAll(base);
        live.forEach(answer -> items.add(answer.toKnowledgeItem()));
        index.set(KnowledgeIndex.build(items));
        log.info("knowledge re-indexed: {} learned answers (revision {})", live.size(), now);
        revision = now;
        return true;
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
