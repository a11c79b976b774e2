package io.qabot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The knowledge's own history as a backtest: what was known before a date (undated items,
 * such as FAQ pages, count as known), and the threads posted on or after it, whose opening
 * questions are asked as a member would have asked them. Only a real repeat of an earlier
 * thread should be answered, so most later questions are in-domain questions the knowledge
 * of the time did not answer.
 */
public record Replay(LocalDate date, List<KnowledgeItem> knowledge, List<KnowledgeItem> later) {
    public Replay {
        knowledge = List.copyOf(knowledge);
        later = List.copyOf(later);
    }

    public static Replay split(Collection<KnowledgeItem> items, LocalDate date) {
        List<KnowledgeItem> known = new ArrayList<>();
        List<KnowledgeItem> later = new ArrayList<>();
        for (KnowledgeItem item : items) {
            LocalDate posted = item.source().date();
            (posted == null || posted.isBefore(date) ? known : later).add(item);
        }
        return new Replay(date, known, later);
    }

    /** The question a later thread opens with. */
    public static String question(KnowledgeItem thread) {
        return thread.turns().get(0).question();
    }
}
