package io.qabot.core.feedback;

import io.qabot.core.Platform;
import io.qabot.core.desk.SameQuestion;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes from the matcher's verdict the candidates the maintainers ruled out: retired items,
 * negative pairs (the item for that question or a close paraphrase of it, as
 * {@link SameQuestion} judges "close"), and flagged answers not decided yet (in the flag's chat).
 * When the best candidate goes, the question is not answered from the next one (the confidence
 * was the best one's): it is escalated.
 *
 * <p>The view of the store is read once and kept; the store's revision is looked at when the view
 * is older than {@code ttl} (and after {@link #changed()} at once), so a verdict given in another
 * instance is honoured within {@code ttl}, one given here immediately. Thread-safe. A store that
 * fails keeps the last view, with a warning.
 */
public final class Screen {
    private static final Logger log = LoggerFactory.getLogger(Screen.class);

    /** Screens nothing: for a bot without storage. */
    public static final Screen NONE = new Screen(() -> Corrections.NONE, () -> Corrections.NONE.revision(),
            Duration.ofDays(365), System::nanoTime);

    private final Supplier<Corrections> load;
    private final LongSupplier revision;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile View view;
    private volatile boolean stale = true;

    public Screen(FeedbackStore store, Duration ttl) {
        this(store::corrections, store::revision, ttl, System::nanoTime);
    }

    Screen(Supplier<Corrections> load, LongSupplier revision, Duration ttl, LongSupplier nanoTime) {
        this.load = Objects.requireNonNull(load, "load");
        this.revision = Objects.requireNonNull(revision, "revision");
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.view = new View(Corrections.NONE, Long.MIN_VALUE);
    }

    /** Something changed in this instance: the next screening reads the store again. */
    public void changed() {
        stale = true;
    }

    /**
     * {@code match} without what was ruled out.
     *
     * @param platform the chat's platform, or null for a question asked outside any chat
     * @param chat     the chat, or null likewise
     */
    public Match screen(Match match, Platform platform, String chat) {
        View current = current();
        if (current.empty() || match.candidates().isEmpty()) {
            return match;
        }
        Map<String, Boolean> verdicts = new HashMap<>();
        List<Candidate> kept = new ArrayList<>(match.candidates().size());
        for (Candidate candidate : match.candidates()) {
            String item = candidate.item().id();
            if (!verdicts.computeIfAbsent(item, id -> current.blocks(id, match.question(), platform, chat))) {
                kept.add(candidate);
            }
        }
        if (kept.size() == match.candidates().size()) {
            return match;
        }
        boolean bestGone = kept.isEmpty() || kept.get(0) != match.candidates().get(0);
        Decision decision = bestGone && match.decision() == Decision.ANSWER ? Decision.ESCALATE : match.decision();
        if (decision != match.decision()) {
            log.debug("not answering from {}: ruled out for this question", match.candidates().get(0).item().id());
        }
        return new Match(match.question(), decision, match.confidence(), kept);
    }

    /** Whether {@code itemId} is retired now. */
    public boolean retired(String itemId) {
        return current().corrections().retired().contains(itemId);
    }

    private View current() {
        View current = view;
        long now = nanoTime.getAsLong();
        if (!stale && now - current.checked() < ttlNanos) {
            return current;
        }
        synchronized (this) {
            current = view;
            if (!stale && now - current.checked() < ttlNanos) {
                return current;
            }
            stale = false;
            try {
                long at = revision.getAsLong();
                View next = at == current.corrections().revision()
                        ? new View(current.corrections(), now, current.same)
                        : new View(load.get(), now);
                view = next;
                return next;
            } catch (RuntimeException e) {
                log.warn("could not read the maintainers' corrections; screening with the last ones read", e);
                View kept = new View(current.corrections(), now, current.same);
                view = kept;
                return kept;
            }
        }
    }

    /** The corrections with, per item, the questions it must not answer, each list with its own paraphrase index. */
    private static final class View {
        private final Corrections corrections;
        private final long checked;
        private final Map<String, List<SameQuestion.Open>> avoided = new HashMap<>();
        private final Map<PendingKey, List<SameQuestion.Open>> pending = new HashMap<>();
        // one SameQuestion per list: each keeps the index of the last list it saw
        final Map<Object, SameQuestion> same;

        View(Corrections corrections, long checked) {
            this(corrections, checked, new ConcurrentHashMap<>());
        }

        View(Corrections corrections, long checked, Map<Object, SameQuestion> same) {
            this.corrections = corrections;
            this.checked = checked;
            this.same = same;
            for (Corrections.Avoided a : corrections.avoided()) {
                avoided.computeIfAbsent(a.itemId(), id -> new ArrayList<>()).add(new SameQuestion.Open(a.id(), a.question()));
            }
            for (Corrections.Pending p : corrections.pending()) {
                pending.computeIfAbsent(new PendingKey(p.platform(), p.chat(), p.itemId()), k -> new ArrayList<>())
                        .add(new SameQuestion.Open(p.id(), p.question()));
            }
        }

        Corrections corrections() {
            return corrections;
        }

        long checked() {
            return checked;
        }

        boolean empty() {
            return corrections.retired().isEmpty() && avoided.isEmpty() && pending.isEmpty();
        }

        boolean blocks(String item, String question, Platform platform, String chat) {
            if (corrections.retired().contains(item)) {
                return true;
            }
            List<SameQuestion.Open> notFor = avoided.get(item);
            if (notFor != null && same(item).find(question, notFor).isPresent()) {
                return true;
            }
            if (platform == null || chat == null) {
                return false;
            }
            PendingKey key = new PendingKey(platform, chat, item);
            List<SameQuestion.Open> flagged = pending.get(key);
            return flagged != null && same(key).find(question, flagged).isPresent();
        }

        private SameQuestion same(Object key) {
            return same.computeIfAbsent(key, k -> new SameQuestion());
        }
    }

    private record PendingKey(Platform platform, String chat, String item) {
    }
}
