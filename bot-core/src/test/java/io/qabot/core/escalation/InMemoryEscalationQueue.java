package io.qabot.core.escalation;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Escalation.Status;
import io.qabot.core.EscalationQueue;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Platform;
import io.qabot.core.desk.SameQuestion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The escalation queue in memory, for tests (bot-core's test jar): the store's queue without the
 * database. A question joins an open one when {@link SameQuestion} says it repeats it, exactly as
 * in the store, so a test sees the joining the running bot does. One lock guards the entries;
 * it is not held while {@link SameQuestion} runs.
 */
public final class InMemoryEscalationQueue implements EscalationQueue {
    private final Clock clock;
    private final SameQuestion sameQuestion = new SameQuestion();
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long lastId;

    public InMemoryEscalationQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long enqueue(String question, Asker asker) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(asker, "asker");
        String asked = question.strip();
        List<SameQuestion.Open> waiting;
        synchronized (this) {
            waiting = entries.values().stream().filter(Entry::isOpen)
                    .map(e -> new SameQuestion.Open(e.id, e.question)).toList();
        }
        // the matcher runs outside the lock, as the store runs it outside its transaction; under the
        // lock the escalation it found is joined only if it is still open
        OptionalLong same = sameQuestion.find(asked, waiting);
        synchronized (this) {
            Entry open = same.isPresent() ? entries.get(same.getAsLong()) : null;
            if (open == null || !open.isOpen()) {
                open = new Entry(++lastId, asked, clock.instant());
                entries.put(open.id, open);
            }
            // one person repeating the question is one asker, wherever they repeat it
            open.askers.putIfAbsent(new AskerKey(asker.platform(), asker.user().id()), asker);
            return open.id;
        }
    }

    @Override
    public synchronized List<Escalation> open() {
        return entries.values().stream()
                .filter(Entry::isOpen)
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
        if (entry == null || !entry.isOpen()) {
            return Optional.empty();
        }
        entry.status = status;
        entry.answer = answer;
        return Optional.of(entry.snapshot());
    }

    private record AskerKey(Platform platform, String user) {
    }

    /** Mutable under the queue's lock; handed out only as {@link Escalation} snapshots. */
    private static final class Entry {
        final long id;
        final String question;
        final Instant created;
        final Map<AskerKey, Asker> askers = new LinkedHashMap<>();
        Status status = Status.OPEN;
        MaintainerAnswer answer;

        Entry(long id, String question, Instant created) {
            this.id = id;
            this.question = question;
            this.created = created;
        }

        boolean isOpen() {
            return status == Status.OPEN || status == Status.CLAIMED;
        }

        Escalation snapshot() {
            return new Escalation(id, status, question, new ArrayList<>(askers.values()), created,
                    Optional.ofNullable(answer));
        }
    }
}
