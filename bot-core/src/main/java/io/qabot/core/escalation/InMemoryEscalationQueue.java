package io.qabot.core.escalation;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Escalation.Status;
import io.qabot.core.EscalationQueue;
import io.qabot.core.MaintainerAnswer;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The escalation queue in memory: lost on restart, so only for tests, {@code ask} and a bot
 * run without storage. One lock guards everything; the queue sees a handful of questions a
 * minute, not thousands.
 */
public final class InMemoryEscalationQueue implements EscalationQueue {
    private final Clock clock;
    private final Map<Long, Escalation> escalations = new LinkedHashMap<>();
    private long lastId;

    public InMemoryEscalationQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized long enqueue(String question, Asker asker) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(asker, "asker");
        String key = sameQuestionKey(question);
        for (Escalation open : escalations.values()) {
            if (open.status() == Status.OPEN && sameQuestionKey(open.question()).equals(key)) {
                if (!alreadyAsked(open, asker)) {
                    List<Asker> askers = new ArrayList<>(open.askers());
                    askers.add(asker);
                    escalations.put(open.id(), new Escalation(open.id(), Status.OPEN, open.question(), askers,
                            open.created(), Optional.empty()));
                }
                return open.id();
            }
        }
        long id = ++lastId;
        escalations.put(id, new Escalation(id, Status.OPEN, question.strip(), List.of(asker), clock.instant(),
                Optional.empty()));
        return id;
    }

    @Override
    public synchronized List<Escalation> open() {
        return escalations.values().stream()
                .filter(e -> e.status() == Status.OPEN)
                .sorted(Comparator.comparing(Escalation::created).thenComparing(Escalation::id).reversed())
                .toList();
    }

    @Override
    public synchronized Optional<Escalation> find(long id) {
        return Optional.ofNullable(escalations.get(id));
    }

    @Override
    public synchronized Optional<Escalation> answer(long id, MaintainerAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        return close(id, Status.ANSWERED, Optional.of(answer));
    }

    @Override
    public synchronized Optional<Escalation> dismiss(long id) {
        return close(id, Status.DISMISSED, Optional.empty());
    }

    private Optional<Escalation> close(long id, Status status, Optional<MaintainerAnswer> answer) {
        Escalation open = escalations.get(id);
        if (open == null || open.status() != Status.OPEN) {
            return Optional.empty();
        }
        Escalation closed = new Escalation(id, status, open.question(), open.askers(), open.created(), answer);
        escalations.put(id, closed);
        return Optional.of(closed);
    }

    /** One person repeating the question is one asker, wherever they repeat it. */
    private static boolean alreadyAsked(Escalation escalation, Asker asker) {
        return escalation.askers().stream().anyMatch(a -> a.platform() == asker.platform()
                && a.user().id().equals(asker.user().id()));
    }

    /** Questions differing only in case, width or spacing are the same question. */
    private static String sameQuestionKey(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\s\\p{Punct}？！。，、]+", " ").strip();
    }
}
