package io.qabot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysed knowledge persisted in the data folder: an index built from a stored snapshot
 * decides every question exactly as a fresh build does (which fails if a field is left out of
 * the file), and a damaged, truncated, foreign or outdated file is never used: everything is
 * analysed again, the answers are a fresh build's, and the file is rewritten.
 */
class IndexSnapshotTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    private static List<KnowledgeItem> items;
    private static KnowledgeIndex fresh;
    private static List<String> questions;
    /** For the failure modes: a part of the corpus, its fresh index, and a good file of it. */
    private static List<KnowledgeItem> part;
    private static KnowledgeIndex freshPart;
    private static byte[] goodPart;

    @TempDir
    Path tmp;

    @BeforeAll
    static void corpus() throws Exception {
        items = new KnowledgeReader().read(List.of(SHARED.resolve("corpus/sofa-weekly"), SHARED.resolve("corpus/faq")))
                .items();
        fresh = KnowledgeIndex.build(items);
        questions = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(SHARED.resolve("eval/dev.jsonl"))) {
            if (!line.isBlank()) {
                questions.add(json.readTree(line).get("query").asText());
            }
        }
        List<String> own = items.stream().flatMap(i -> i.turns().stream()).map(Turn::question).toList();
        questions.addAll(own);
        Random random = new Random(7); // near misses: halves of two questions spliced
        for (int i = 0; i < 200; i++) {
            String a = own.get(random.nextInt(own.size()));
            String b = own.get(random.nextInt(own.size()));
            questions.add(a.substring(0, a.length() / 2) + b.substring(b.length() / 2));
        }
        part = items.subList(0, 60);
        freshPart = KnowledgeIndex.build(part);
        Path file = Files.createTempFile("qabot-index", ".bin");
        try {
            Files.delete(file);
            IndexSnapshot written = IndexSnapshot.read(file);
            written.build(part);
            written.write();
            goodPart = Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anIndexFromTheStoredSnapshotDecidesEveryQuestionAsAFreshBuild() throws Exception {
        Path file = tmp.resolve(IndexSnapshot.FILE_NAME);
        IndexSnapshot first = IndexSnapshot.read(file);
        assertNull(first.problem(), "a missing file is no problem");
        first.build(items);
        assertEquals(items.size(), first.analysed());
        assertTrue(first.write());

        IndexSnapshot stored = IndexSnapshot.read(file);
        assertNull(stored.problem());
        KnowledgeIndex loaded = stored.build(items);
        assertTrue(stored.decoded(), "the same items: the stored index is decoded, not built");
        assertEquals(items.size(), stored.reused(), stored.summary());
        assertEquals(0, stored.analysed(), stored.summary());
        assertFalse(stored.write(), "nothing changed, nothing written");

        // every field of every turn's analysis comes back: the records compare all their components
        MixedTextAnalyzer analyzer = IndexBuilder.analyzer();
        for (KnowledgeItem item : items) {
            assertEquals(IndexBuilder.analyse(item, analyzer), stored.analysed(item, i -> {
                throw new AssertionError("not stored: " + i.id());
            }), item.id());
        }
        assertSameDecisions(fresh, loaded, questions);
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("truncated by 100 bytes", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 100)),
                Arguments.of("cut in half", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length / 2)),
                Arguments.of("empty", (UnaryOperator<byte[]>) b -> new byte[0]),
                Arguments.of("another format version", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    ByteBuffer.wrap(copy).putInt(4, IndexSnapshot.FORMAT_VERSION + 1);
                    return copy;
                }),
                Arguments.of("one flipped bit in the middle", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    copy[copy.length / 2] ^= 0x10;
                    return copy;
                }),
                Arguments.of("one flipped byte in the checksum", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    copy[copy.length - 1] ^= (byte) 0xff;
                    return copy;
                }),
                Arguments.of("bytes appended", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length + 7)),
                Arguments.of("not an index at all", (UnaryOperator<byte[]>) b -> "# SOFA Weekly\n".getBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedFileIsAnalysedAgainNeverTrustedAndRewritten(String damage, UnaryOperator<byte[]> spoil)
            throws Exception {
        Path file = tmp.resolve(IndexSnapshot.FILE_NAME);
        Files.write(file, spoil.apply(goodPart.clone()));

        IndexSnapshot damaged = IndexSnapshot.read(file);
        assertNotNull(damaged.problem(), damage + " went unnoticed");
        KnowledgeIndex rebuilt = damaged.build(part);
        assertEquals(part.size(), damaged.analysed(), damaged.summary());
        assertSameDecisions(freshPart, rebuilt, questions.subList(0, 200));
        assertTrue(damaged.write());
        assertNull(IndexSnapshot.read(file).problem(), "the rewritten file is good again");
    }

    @Test
    void aFileWrittenByOtherCodeIsNotUsed() throws Exception {
        Path file = tmp.resolve(IndexSnapshot.FILE_NAME);
        // the same analyses, stamped by another build of the knowledge module
        byte[] other = IndexSnapshot.restamp(IndexSnapshot.parse(ByteBuffer.wrap(goodPart),
                CodeVersion.CURRENT), "another build");
        Files.write(file, other);

        IndexSnapshot foreign = IndexSnapshot.read(file);
        assertNotNull(foreign.problem());
        assertTrue(foreign.problem().startsWith("written by other code"), foreign.problem());
        foreign.build(part);
        assertEquals(part.size(), foreign.analysed());
    }

    @Test
    void changedKnowledgeIsAnalysedAfreshItemByItem() throws Exception {
        Path file = tmp.resolve(IndexSnapshot.FILE_NAME);
        Files.write(file, goodPart);

        // one answer edited in place (same id, same file), one item added
        List<KnowledgeItem> changed = new ArrayList<>(part);
        KnowledgeItem before = changed.get(3);
        Turn turn = before.turns().get(0);
        changed.set(3, new KnowledgeItem(before.id(), List.of(new Turn("Zookeeper 的 quorumlistenonallips 怎么配置",
                turn.answer(), turn.line())), before.links(), before.project(), before.source(), before.origin()));
        changed.add(new KnowledgeItem("added.md#1", List.of(new Turn("qabot 支持 flamingoproto 协议吗",
                "支持，见 flamingoproto 文档", 1)), List.of(), "", new Source("added.md", "added", null, null),
                Origin.FAQ));

        IndexSnapshot stored = IndexSnapshot.read(file);
        KnowledgeIndex index = stored.build(changed);
        assertFalse(stored.decoded(), "other items: the stored index was built from something else");
        assertEquals(2, stored.analysed(), stored.summary());
        assertEquals(part.size() - 1, stored.reused(), stored.summary());
        List<String> asked = List.of("zookeeper quorumlistenonallips 如何配置", "flamingoproto 协议支持吗",
                turn.question());
        assertSameDecisions(KnowledgeIndex.build(changed), index, asked);
        assertEquals(before.id(), index.match(asked.get(0)).candidates().get(0).item().id());
        assertTrue(stored.write());
    }

    @Test
    void theSameItemsInAnotherOrderAreBuiltFromTheStoredAnalysesThenDecodedAndTheLastTwoIndexesKept() throws Exception {
        Path file = tmp.resolve(IndexSnapshot.FILE_NAME);
        Files.write(file, goodPart);
        List<KnowledgeItem> reversed = new ArrayList<>(part);
        java.util.Collections.reverse(reversed);

        IndexSnapshot stored = IndexSnapshot.read(file);
        KnowledgeIndex rebuilt = stored.build(reversed);
        assertFalse(stored.decoded(), "entries name items by position: another order is another index");
        assertEquals(part.size(), stored.reused(), stored.summary());
        assertTrue(stored.write(), "the new order's index is kept");

        IndexSnapshot again = IndexSnapshot.read(file);
        KnowledgeIndex decoded = again.build(reversed);
        assertTrue(again.decoded(), again.summary());
        KnowledgeIndex fresh = KnowledgeIndex.build(reversed);
        assertSameDecisions(fresh, rebuilt, questions.subList(0, 300));
        assertSameDecisions(fresh, decoded, questions.subList(0, 300));
        // serve builds twice at a start with learned answers: both indexes are kept, the oldest goes
        IndexSnapshot before = IndexSnapshot.read(file);
        before.build(part);
        assertTrue(before.decoded(), "the index the file held before is kept too: " + before.summary());
        List<KnowledgeItem> third = new ArrayList<>(part.subList(1, part.size()));
        IndexSnapshot thirdBuild = IndexSnapshot.read(file);
        thirdBuild.build(third);
        assertTrue(thirdBuild.write());
        IndexSnapshot after = IndexSnapshot.read(file);
        after.build(reversed);
        assertTrue(after.decoded(), "the last two stay");
        IndexSnapshot oldest = IndexSnapshot.read(file);
        oldest.build(part);
        assertFalse(oldest.decoded(), "at most " + IndexSnapshot.MAX_INDEXES + " indexes are kept");
        assertEquals(part.size() - 1, oldest.reused(), "the analyses of the items the last build used are kept");
    }

    @Test
    void aStoredIndexThatDoesNotDecodeIsNeverTrustedNorItsAnalyses() throws Exception {
        // a good checksum over a query side that is not one: only a bug writes this, so the
        // whole file is distrusted, its analyses too
        IndexSnapshot.Contents good = IndexSnapshot.parse(ByteBuffer.wrap(goodPart), CodeVersion.CURRENT);
        java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
        IndexSnapshot.format(Map.of(good.querySides().keySet().iterator().next(), new byte[]{0, 0, 0, 1, 7}),
                IndexSnapshot.parseAnalyses(good.analyses()), CodeVersion.CURRENT, bad);
        Path file = tmp.resolve(IndexSnapshot.FILE_NAME);
        Files.write(file, bad.toByteArray());

        IndexSnapshot stored = IndexSnapshot.read(file);
        assertNull(stored.problem(), "the checksum holds: the problem shows only when it is decoded");
        KnowledgeIndex rebuilt = stored.build(part);
        assertFalse(stored.decoded());
        assertNotNull(stored.problem());
        assertEquals(part.size(), stored.analysed(), stored.summary());
        assertSameDecisions(freshPart, rebuilt, questions.subList(0, 200));
        assertTrue(stored.write());
        IndexSnapshot again = IndexSnapshot.read(file);
        again.build(part);
        assertTrue(again.decoded(), "the rewritten file is good again: " + again.summary());
    }

    private static void assertSameDecisions(KnowledgeIndex expected, KnowledgeIndex actual, List<String> asked) {
        for (String question : asked) {
            // decision, confidence to the last bit, and the candidates with their scores
            assertEquals(expected.match(question), actual.match(question), question);
        }
    }
}
