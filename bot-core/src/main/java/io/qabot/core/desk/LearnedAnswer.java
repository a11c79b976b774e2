package io.qabot.core.desk;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * An answer the bot learned from a maintainer. Retracted ones stay stored (for the audit) but
 * leave the knowledge.
 *
 * @param escalationId the escalation it answered
 * @param answered     when the maintainer first answered
 * @param updated      when it was last edited (or retracted)
 */
public record LearnedAnswer(long id, long escalationId, String question, String answer, List<String> links,
                            String maintainer, Instant answered, Instant updated, boolean retracted) {
    /** The name learned answers carry as their knowledge file: {@code source.file} in ask results. */
    public static final String SOURCE_FILE = "maintainer-answers";

    public LearnedAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(maintainer, "maintainer");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(updated, "updated");
        links = List.copyOf(links);
    }

    /** The knowledge item the matcher sees: one turn, source {@code maintainer}, dated by the answer. */
    public KnowledgeItem toKnowledgeItem() {
        Source source = new Source(SOURCE_FILE, "Maintainer answer to #" + escalationId, // the number maintainers saw
                answered.atOffset(ZoneOffset.UTC).toLocalDate(), null);
        return new KnowledgeItem(SOURCE_FILE + "#" + id, List.of(new Turn(question, answer, 0)), links, "",
                source, Origin.MAINTAINER);
    }
}
