package io.qabot.core.escalation;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Escalation.Status;
import io.qabot.core.EscalationQueue;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Platform;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The escalation queue in memory: lost on restart, so only for tests, {@code ask} and a bot
 * run without storage. One lock guards everything; enqueueing is a couple of map look-ups,
 * however many people asked, so the lock is held only briefly.
 */
public final class InMemoryEscalationQueue implements EscalationQueue {
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Punct}？！。，、]+");

    private final Clock clock;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Entry> openByQuestion = new HashMap<>();
    private long lastId;

    public InMemoryEscalationQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long enqueue(String question, Asker asker) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(asker, "asker");
        String key = sameQuestionKey(question);
        synchronized (this) {
            Entry open = openByQuestion.get(key);
            if (open == null) {
                open = new Entry(++lastId, question.strip(), clock.instant(), key);
                entries.put(open.id, open);
                openByQuestion.put(key, open);
            }
            // one person repeating the question is one asker, wherever they repeat it
            open.askers.putIfAbsent(new AskerKey(asker.platform(), asker.user().id()), asker);
            return open.id;
        }
    }

    @Override
    public synchronized List<Escalation> open() {
        return entries.values().stream()
                .filter(e -> e.status == Status.OPEN || e.status == Status.CLAIMED)
                .sorted(Comparator.comparing((Entry e) -> e.created).thenComparingLong(e -> e.id).reversed())
                .map(Entry::snapshot)
                .toList();
    }

    @Override
    public synchronized Optional<Escalation> find(long id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::snapshot);
    }

    @Override
    public synchronized Optional<Escalation> answer(long id, MaintainerAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        return close(id, Status.ANSWERED, answer);
    }

    @Override
    public synchronized Optional<Escalation> dismiss(long id) {
        return close(id, Status.DISMISSED, null);
    }

    private Optional<Escalation> close(long id, Status status, MaintainerAnswer answer) {
        Entry entry = entries.get(id);
        if (entry == null || (entry.status != Status.OPEN && entry.status != Status.CLAIMED)) {
            return Optional.empty();
        }
        entry.status = status;
        entry.answer = answer;
        openByQuestion.remove(entry.key, entry);
        return Optional.of(entry.snapshot());
    }

    /** Questions differing only in case, width, spacing or punctuation are the same question. */
    private static String sameQuestionKey(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACING.matcher(folded).replaceAll(" ").strip();
    }

    private record AskerKey(Platform platform, String user) {
    }

    /** Mutable under the queue's lock; handed out only as {@link Escalation} snapshots. */
    private static final class Entry {
        final long id;
        final String question;
        final Instant created;
        final String key;
        final Map<AskerKey, Asker> askers = new LinkedHashMap<>();
        Status status = Status.OPEN;
        MaintainerAnswer answer;

        Entry(long id, String question, Instant created, String key) {
            this.id = id;
            this.question = question;
            this.created = created;
            this.key = key;
        }

        Escalation snapshot() {
            return new Escalation(id, status, question, new ArrayList<>(askers.values()), created,
                    Optional.ofNullable(answer));
        }
    }
}
