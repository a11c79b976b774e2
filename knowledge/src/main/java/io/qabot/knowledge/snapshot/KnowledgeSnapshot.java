package io.qabot.knowledge.snapshot;

import io.qabot.knowledge.KnowledgeItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The knowledge items of one read, ready to index: keyed by stable id, with repeated questions
 * settled (see the package comment). Immutable.
 *
 * <pre>
 * KnowledgeSnapshot next = KnowledgeSnapshot.of(items);
 * if (next.changesSince(current).any()) {
 *     index.set(KnowledgeIndex.build(next.items()));
 * }
 * </pre>
 */
public final class KnowledgeSnapshot {
    public static final KnowledgeSnapshot EMPTY = of(List.of());

    private final List<KnowledgeItem> items;
    /** The kept items by id, for {@link #changesSince}. */
    private final Map<String, KnowledgeItem> byId;
    private final List<Superseded> superseded;

    private KnowledgeSnapshot(List<KnowledgeItem> items, Map<String, KnowledgeItem> byId, List<Superseded> superseded) {
        this.items = items;
        this.byId = byId;
        this.superseded = superseded;
    }

    /**
     * Settles {@code items}: the first of several items with one id wins (a re-read gives each item
     * its id, so a second one is a copy), and of items asking the same opening question with
     * different answers only the newest stays. An undated item is older than any dated one; items
     * of the same date all stay, since neither is known to be newer.
     */
    public static KnowledgeSnapshot of(Collection<KnowledgeItem> items) {
        Map<String, KnowledgeItem> byId = new LinkedHashMap<>();
        for (KnowledgeItem item : items) {
            byId.putIfAbsent(item.id(), item);
        }
        Map<String, KnowledgeItem> newestByQuestion = new HashMap<>();
        Comparator<KnowledgeItem> byDate = Comparator.comparing(KnowledgeSnapshot::date,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        // each opening question's key once: normalising them is most of settling 100k items
        Map<KnowledgeItem, String> questionKeys = new IdentityHashMap<>(byId.size() * 2);
        for (KnowledgeItem item : byId.values()) {
            String key = QuestionKey.of(opening(item));
            questionKeys.put(item, key);
            newestByQuestion.merge(key, item, (a, b) -> byDate.compare(b, a) > 0 ? b : a);
        }
        List<KnowledgeItem> kept = new ArrayList<>(byId.size());
        List<Superseded> superseded = new ArrayList<>();
        Map<String, KnowledgeItem> keptById = new HashMap<>(byId.size() * 2);
        for (KnowledgeItem item : byId.values()) {
            KnowledgeItem newest = newestByQuestion.get(questionKeys.get(item));
            if (newest != item && byDate.compare(newest, item) > 0 && !sameAnswer(newest, item)) {
                superseded.add(new Superseded(item.id(), newest.id()));
                continue;
            }
            kept.add(item);
            keptById.put(item.id(), item);
        }
        return new KnowledgeSnapshot(List.copyOf(kept), keptById, List.copyOf(superseded));
    }

    /** The items to index, in the order they were read, superseded ones left out. */
    public List<KnowledgeItem> items() {
        return items;
    }

    /** Items left out because a newer, different answer to the same question exists. */
    public List<Superseded> superseded() {
        return superseded;
    }

    /** What changed from {@code previous} to this snapshot, item by item. */
    public KnowledgeChanges changesSince(KnowledgeSnapshot previous) {
        Objects.requireNonNull(previous, "previous");
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (KnowledgeItem item : items) {
            KnowledgeItem before = previous.byId.get(item.id());
            if (before == null) {
                added++;
            } else if (SameContent.of(before, item)) {
                unchanged++;
            } else {
                changed++;
            }
        }
        int removed = (int) previous.byId.keySet().stream().filter(id -> !byId.containsKey(id)).count();
        return new KnowledgeChanges(added, changed, removed, unchanged, superseded.size());
    }

    private static String opening(KnowledgeItem item) {
        return item.turns().get(0).question();
    }

    private static LocalDate date(KnowledgeItem item) {
        return item.source().date();
    }

    // The same answer copied into a later post is a copy, not a newer answer: both stay, and the
    // index already groups copies so one is never the other's runner-up.
    private static boolean sameAnswer(KnowledgeItem a, KnowledgeItem b) {
        return QuestionKey.of(a.turns().get(0).answer()).equals(QuestionKey.of(b.turns().get(0).answer()));
    }
}
