package io.qabot.knowledge.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeSnapshotTest {

    private static KnowledgeItem item(String id, String question, String answer, LocalDate date) {
        return new KnowledgeItem(id, List.of(new Turn(question, answer, 1)), List.of(), "",
                new Source(id.substring(0, id.indexOf('#')), "", date, null), Origin.DIGEST);
    }

    @Test
    void readingTheSameItemsAgainChangesNothing() {
        List<KnowledgeItem> items = List.of(item("a.md#1", "raft 能跨机房吗", "能", LocalDate.of(2020, 1, 1)),
                item("a.md#2", "sofa-rpc 支持 http2 吗", "支持", LocalDate.of(2020, 1, 1)));
        KnowledgeChanges changes = KnowledgeSnapshot.of(items).changesSince(KnowledgeSnapshot.of(List.copyOf(items)));
        assertEquals(new KnowledgeChanges(0, 0, 0, 2, 0), changes);
        assertFalse(changes.any());
    }

    @Test
    void anEditedItemIsChangedANewOneAddedAndAMissingOneRemoved() {
        KnowledgeSnapshot before = KnowledgeSnapshot.of(List.of(item("a.md#1", "q1", "a1", null),
                item("a.md#2", "q2", "a2", null), item("a.md#3", "q3", "a3", null)));
        KnowledgeSnapshot after = KnowledgeSnapshot.of(List.of(item("a.md#1", "q1", "a1", null),
                item("a.md#2", "q2", "a2, edited", null), item("b.md#1", "q4", "a4", null)));
        KnowledgeChanges changes = after.changesSince(before);
        assertEquals(new KnowledgeChanges(1, 1, 1, 1, 0), changes);
        assertTrue(changes.any());
    }

    @Test
    void everyPartThatCanReachAReplyMakesAnItemChangedAndALineNumberAloneDoesNot() {
        Source source = new Source("a.md", "Weekly 1", LocalDate.of(2020, 1, 1), "https://example.org/weekly-1");
        KnowledgeItem base = new KnowledgeItem("a.md#1", List.of(new Turn("raft 能跨机房吗", "能", 3),
                new Turn("延时呢", "大一点", 5)), List.of("https://github.com/sofastack/sofa-jraft"), "SOFAJRaft",
                source, Origin.DIGEST);
        KnowledgeSnapshot before = KnowledgeSnapshot.of(List.of(base));
        List<KnowledgeItem> edits = List.of(
                new KnowledgeItem("a.md#1", List.of(base.turns().get(0), new Turn("延时呢", "大一点。", 5)), base.links(),
                        base.project(), source, Origin.DIGEST),
                new KnowledgeItem("a.md#1", List.of(base.turns().get(0), new Turn("延时呢?", "大一点", 5)), base.links(),
                        base.project(), source, Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns().subList(0, 1), base.links(), base.project(), source, Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns(), List.of(), base.project(), source, Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns(), base.links(), "SOFARPC", source, Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns(), base.links(), base.project(), source, Origin.FAQ),
                new KnowledgeItem("a.md#1", base.turns(), base.links(), base.project(),
                        new Source("b.md", source.title(), source.date(), source.url()), Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns(), base.links(), base.project(),
                        new Source("a.md", "Weekly 2", source.date(), source.url()), Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns(), base.links(), base.project(),
                        new Source("a.md", source.title(), null, source.url()), Origin.DIGEST),
                new KnowledgeItem("a.md#1", base.turns(), base.links(), base.project(),
                        new Source("a.md", source.title(), source.date(), null), Origin.DIGEST));
        for (KnowledgeItem edited : edits) {
            assertEquals(new KnowledgeChanges(0, 1, 0, 0, 0), KnowledgeSnapshot.of(List.of(edited)).changesSince(before),
                    edited.toString());
        }
        KnowledgeItem moved = new KnowledgeItem("a.md#1", List.of(new Turn("raft 能跨机房吗", "能", 13),
                new Turn("延时呢", "大一点", 15)), base.links(), base.project(), source, Origin.DIGEST);
        assertEquals(new KnowledgeChanges(0, 0, 0, 1, 0), KnowledgeSnapshot.of(List.of(moved)).changesSince(before),
                "text inserted above the thread");
    }

    @Test
    void aNewerAnswerToTheSameQuestionSupersedesTheOlderOne() {
        KnowledgeItem older = item("w1.md#3", "SOFARPC 支持 Java 8 吗？", "支持 Java 6 以上", LocalDate.of(2019, 5, 1));
        KnowledgeItem newer = item("w9.md#1", "sofarpc 支持 java 8 吗", "5.x 起要求 Java 8", LocalDate.of(2021, 5, 1));
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.of(List.of(newer, older));
        assertEquals(List.of(newer), snapshot.items());
        assertEquals(List.of(new Superseded("w1.md#3", "w9.md#1")), snapshot.superseded());
        assertEquals(1, snapshot.changesSince(KnowledgeSnapshot.EMPTY).superseded());
    }

    @Test
    void aCopyOfTheSameAnswerInALaterPostIsNotSuperseded() {
        KnowledgeItem first = item("w1.md#3", "raft 能跨机房吗", "能，只是延时大一点", LocalDate.of(2019, 5, 1));
        KnowledgeItem copy = item("w2.md#1", "raft 能跨机房吗？", "能, 只是延时大一点。", LocalDate.of(2019, 6, 1));
        assertEquals(List.of(first, copy), KnowledgeSnapshot.of(List.of(first, copy)).items());
    }

    @Test
    void answersOfTheSameDateOrWithoutDatesAllStay() {
        KnowledgeItem a = item("a.md#1", "q", "one answer", LocalDate.of(2020, 1, 1));
        KnowledgeItem b = item("b.md#1", "q", "another answer", LocalDate.of(2020, 1, 1));
        KnowledgeItem c = item("c.md#1", "q2", "x", null);
        KnowledgeItem d = item("d.md#1", "q2", "y", null);
        assertEquals(List.of(a, b, c, d), KnowledgeSnapshot.of(List.of(a, b, c, d)).items());
    }

    @Test
    void anUndatedAnswerIsOlderThanADatedOne() {
        KnowledgeItem faq = item("faq.md#1", "q", "old", null);
        KnowledgeItem weekly = item("w.md#1", "q", "new", LocalDate.of(2020, 1, 1));
        assertEquals(List.of(weekly), KnowledgeSnapshot.of(List.of(faq, weekly)).items());
    }

    @Test
    void theSofaCorpusKeepsAlmostAllOfItsItems() {
        Path corpus = Path.of(System.getProperty("qabot.shared", "../../shared"), "corpus");
        List<KnowledgeItem> items = new KnowledgeReader().read(List.of(corpus)).items();
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.of(items);
        System.out.println("superseded in the corpus: " + snapshot.superseded());
        assertTrue(snapshot.superseded().size() * 50 < items.size(), snapshot.superseded().size() + " of " + items.size());
    }
}
