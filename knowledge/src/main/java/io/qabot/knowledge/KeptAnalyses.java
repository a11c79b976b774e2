package io.qabot.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds indexes over a set of items that changes a little at a time (the open escalations a
 * new question is compared with), analysing each item once: a build takes the analysis of every
 * item the previous build had, and analyses only the new ones. An item's analysis depends on
 * the item alone, so the index is the one {@link KnowledgeIndex#build} makes of the same items,
 * at the same default threshold; what is saved is most of a build (the Chinese segmenter). Its
 * postings are counted from the kept terms, not inverted by Lucene's index writer and read back
 * (same arrays; that round trip was about half of such a build over 500 open questions).
 *
 * <p>Keeps the analyses of the last build's items only, so it holds as many as the largest set
 * it was given. Thread-safe: builds may run at once; each keeps what it used.
 */
public final class KeptAnalyses {
    private volatile Map<KnowledgeItem, List<IndexBuilder.AnalysedTurn>> kept = Map.of();

    /** The index of {@code items}, as {@link KnowledgeIndex#build(Collection)} makes it. */
    public KnowledgeIndex build(Collection<KnowledgeItem> items) {
        Map<KnowledgeItem, List<IndexBuilder.AnalysedTurn>> before = kept;
        Map<KnowledgeItem, List<IndexBuilder.AnalysedTurn>> used = new ConcurrentHashMap<>();
        KnowledgeIndex index = IndexBuilder.build(items, (item, analyse) -> {
            List<IndexBuilder.AnalysedTurn> turns = before.get(item);
            if (turns == null) {
                turns = analyse.apply(item);
            }
            used.put(item, turns);
            return turns;
        }, Confidence.FITTED, true);
        kept = used;
        return index;
    }

    /** How many items' analyses are kept: those of the last build. */
    public int size() {
        return kept.size();
    }
}
