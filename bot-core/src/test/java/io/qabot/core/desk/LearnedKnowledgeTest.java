package io.qabot.core.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.MaintainerAnswer;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.snapshot.KnowledgeChanges;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;
import io.qabot.knowledge.snapshot.Superseded;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The live index keeps the base settled once (serve's start hands over the snapshot it built the
 * index from): what it indexes and reports must stay what settling all the items would give, through
 * learned answers coming and going and reloads replacing the base.
 */
class LearnedKnowledgeTest {
    private static final KnowledgeItem OLD = item("digest-1.md#1", LocalDate.of(2020, 1, 1), "raft 能跨机房部署吗", "不能");
    private static final KnowledgeItem NEW = item("digest-2.md#1", LocalDate.of(2021, 1, 1), "raft 能跨机房部署吗", "可以，用 learner");
    private static final KnowledgeItem OTHER = item("digest-2.md#2", LocalDate.of(2021, 1, 1), "sofarpc 怎么设置超时", "用 timeout 属性");

    private final List<List<String>> indexed = new ArrayList<>();
    private final Function<List<KnowledgeItem>, KnowledgeIndex> indexer = items -> {
        indexed.add(items.stream().map(KnowledgeItem::id).toList());
        return KnowledgeIndex.build(items);
    };
    private final Answers answers = new Answers();

    @Test
    void aStartWithTheIndexBuiltAnswersFromItAndReportsWhatWasSuperseded() {
        List<KnowledgeItem> base = List.of(OLD, NEW, OTHER);
        KnowledgeSnapshot settled = KnowledgeSnapshot.of(base);
        KnowledgeIndex built = KnowledgeIndex.build(settled.items());
        LearnedKnowledge knowledge = new LearnedKnowledge(base, settled, built, answers, indexer);

        assertTrue(knowledge.refreshIfChanged());

        assertSame(built, knowledge.index());
        assertEquals(List.of(), indexed);
        assertEquals(List.of(new Superseded(OLD.id(), NEW.id())), knowledge.superseded());
    }

    @Test
    void aLearnedAnswerRetractedLeavesTheBaseAloneAgain() {
        List<KnowledgeItem> base = List.of(OLD, NEW, OTHER);
        KnowledgeSnapshot settled = KnowledgeSnapshot.of(base);
        LearnedKnowledge knowledge = new LearnedKnowledge(base, settled, KnowledgeIndex.build(settled.items()), answers, indexer);
        knowledge.refreshIfChanged();

        answers.set(List.of(answer(7, "dubbo 支持 triple 吗")));
        knowledge.refreshIfChanged();
        answers.set(List.of());
        knowledge.refreshIfChanged();

        assertEquals(List.of(
                List.of(NEW.id(), OTHER.id(), "maintainer-answers#7"),
                List.of(NEW.id(), OTHER.id())), indexed);
    }

    @Test
    void aReloadIsSettledAfreshNotFromTheStartsSnapshot() {
        List<KnowledgeItem> base = List.of(OLD, NEW, OTHER);
        KnowledgeSnapshot settled = KnowledgeSnapshot.of(base);
        LearnedKnowledge knowledge = new LearnedKnowledge(base, settled, KnowledgeIndex.build(settled.items()), answers, indexer);
        knowledge.refreshIfChanged();

        KnowledgeChanges changes = knowledge.replaceBase(List.of(OLD, OTHER));
        answers.set(List.of(answer(8, "dubbo 支持 triple 吗")));
        knowledge.refreshIfChanged();
        answers.set(List.of());
        knowledge.refreshIfChanged();

        assertEquals(1, changes.added()); // the old answer, no longer superseded
        assertEquals(1, changes.removed());
        assertEquals(List.of(), knowledge.superseded());
        assertEquals(List.of(
                List.of(OLD.id(), OTHER.id()),
                List.of(OLD.id(), OTHER.id(), "maintainer-answers#8"),
                List.of(OLD.id(), OTHER.id())), indexed);
    }

    private static KnowledgeItem item(String id, LocalDate date, String question, String answer) {
        Source source = new Source(id.substring(0, id.indexOf('#')), "SOFA Weekly", date, null);
        return new KnowledgeItem(id, List.of(new Turn(question, answer, 1)), List.of(), "", source, Origin.DIGEST);
    }

    private static LearnedAnswer answer(long id, String question) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new LearnedAnswer(id, id, question, "支持", List.of(), "maintainer", at, at, false);
    }

    /** The store's learned answers, as a maintainer changes them: each change moves the revision. */
    private static final class Answers implements LearnedAnswers {
        private List<LearnedAnswer> answers = List.of();
        private long revision;

        void set(List<LearnedAnswer> next) {
            answers = next;
            revision++;
        }

        @Override
        public List<LearnedAnswer> learned(boolean withRetracted) {
            return answers;
        }

        @Override
        public List<LearnedAnswer> answeredSince(Instant since) {
            return answers;
        }

        @Override
        public Optional<LearnedAnswer> edit(long id, String question, MaintainerAnswer answer) {
            return Optional.empty();
        }

        @Override
        public Optional<LearnedAnswer> retract(long id, String maintainer) {
            return Optional.empty();
        }

        @Override
        public long revision() {
            return revision;
        }

        @Override
        public List<AuditRecord> audit(int limit) {
            return List.of();
        }
    }
}
