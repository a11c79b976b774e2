package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Problem;
import io.qabot.knowledge.Turn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real SOFA Weekly posts, 2019–2023, in all their drifting formats. A reference parse
 * finds 491 threads and 754 answered turns in 173 posts; this one must be within 1 %.
 */
class SofaWeeklyCorpusTest {
    /** Asker names as the thread headers write them: "@罗健" / "1. 罗坤 提问". */
    private static final Pattern ASKER = Pattern.compile("(?U)@([^\\s*#@]+?)\\s*(?:\\*\\*)?\\s*(?:提问|#\\d|$)");

    private static Path folder;
    private static Corpus corpus;

    @BeforeAll
    static void readCorpus() {
        folder = Path.of(System.getProperty("qabot.shared")).resolve("corpus/sofa-weekly");
        corpus = new KnowledgeReader().read(List.of(folder));
        Set<String> reasons = corpus.problems().stream().map(Problem::reason).collect(Collectors.toSet());
        System.out.printf("sofa-weekly: %d documents, %d threads, %d turns, %d posts with threads, problems %s%n",
                corpus.documents(), corpus.items().size(), corpus.turns(), postsWithThreads(), reasons);
    }

    private static long postsWithThreads() {
        return corpus.items().stream().map(i -> i.source().file()).distinct().count();
    }

    @Test
    void readsEveryPost() {
        assertEquals(192, corpus.documents());
    }

    @Test
    void findsTheReferenceThreadsAndTurnsWithinOnePercent() {
        int threads = corpus.items().size();
        int turns = corpus.turns();
        assertTrue(threads >= 486 && threads <= 496, "threads: " + threads);
        assertTrue(turns >= 746 && turns <= 762, "turns: " + turns);
        assertEquals(173, postsWithThreads());
    }

    @Test
    void reportsOnlyUnansweredQuestionsAndNoUnreadableFiles() {
        for (Problem p : corpus.problems()) {
            assertTrue(p.line() > 0, "problem points at a line: " + p);
            assertEquals("question without an answer", p.reason(), p.toString());
        }
    }

    @Test
    void neverPutsAnAskersNameIntoQuestionsOrAnswers() throws IOException {
        for (KnowledgeItem item : corpus.items()) {
            for (Turn turn : item.turns()) {
                assertFalse(turn.question().contains("提问：") || turn.answer().contains("提问："), item.id());
            }
        }
        assertTrue(askersIn(folder.resolve("sofa-weekly-20191101.md")).contains("罗健"), "the check knows the askers");
        for (String file : fileNames()) {
            Set<String> askers = askersIn(folder.resolve(file));
            for (KnowledgeItem item : itemsOf(file)) {
                for (Turn turn : item.turns()) {
                    for (String asker : askers) {
                        assertFalse(turn.question().contains("@" + asker) || turn.answer().contains("@" + asker),
                                item.id() + " mentions @" + asker);
                    }
                }
            }
        }
    }

    @Test
    void keepsFollowUpTurnsInTheirThreadWithItsLinkAndProject() {
        KnowledgeItem first = item("sofa-weekly-20191101.md#1");
        assertEquals(2, first.turns().size());
        assertEquals("SOFAJRaft 跨机房支持吗？", first.turns().get(0).question());
        assertTrue(first.turns().get(0).answer().contains("跨机房不需要特殊支持"));
        assertEquals(29, first.turns().get(0).line());
        assertTrue(first.turns().get(1).answer().startsWith("1. SOFAJRaft 支持 transfer leader"));
        assertTrue(first.turns().get(1).answer().contains("2. SOFAJRaft 1.3.0 会增加一个选举优先级特性"));
        assertEquals(List.of("https://github.com/sofastack/sofa-jraft"), first.links());
        assertEquals("SOFAJRaft", first.project());
    }

    @Test
    void keepsIssueLinksInsideAnswers() {
        KnowledgeItem seata = item("sofa-weekly-20191101.md#3");
        assertEquals(4, seata.turns().size());
        assertEquals("Seata", seata.project());
        assertTrue(seata.links().contains("https://github.com/seata/seata/issues/1843"), seata.links().toString());
        assertTrue(seata.links().contains("https://github.com/seata/seata"));
    }

    @Test
    void describesWherePostsWerePublished() {
        KnowledgeItem first = item("sofa-weekly-20191101.md#1");
        assertEquals("sofa-weekly-20191101.md", first.source().file());
        assertEquals("SOFA Weekly | 每周精选【10/28 - 11/01】", first.source().title());
        assertEquals(LocalDate.of(2019, 11, 1), first.source().date());
        assertEquals("https://www.sofastack.tech/blog/sofa-weekly-20191101/", first.source().url());
        assertEquals(Origin.DIGEST, first.origin());
    }

    @Test
    void readsTheGitHubIssueDigestsOfLaterPosts() {
        List<KnowledgeItem> items = itemsOf("sofa-weekly-1006.md");
        assertEquals(3, items.size());
        assertTrue(items.get(0).turns().get(0).question().startsWith("我们目前在调研阶段"));
        assertTrue(items.get(0).links().contains("https://github.com/mosn/mosn/issues/2347"));
        assertEquals("MOSN", items.get(0).project());
    }

    @Test
    void readsNamesWithoutAtSignAndThreadsWithoutAQaHeading() {
        assertEquals(3, itemsOf("sofa-weekly-20220722.md").size());
        assertTrue(item("sofa-weekly-20220722.md#3").turns().get(1).answer().contains("kubectl logs $pod"));
        assertEquals(2, itemsOf("sofa-weekly-20230407.md").size());
    }

    @Test
    void keepsCodeBlocksInsideTheQuestion() {
        Turn turn = item("sofa-weekly-20210319.md#4").turns().get(0);
        assertTrue(turn.question().contains("@Override"), turn.question());
        assertTrue(turn.answer().startsWith("没有问题，安全的"));
    }

    @Test
    void givesEveryThreadAStableUniqueId() {
        Set<String> ids = new HashSet<>();
        for (KnowledgeItem item : corpus.items()) {
            assertTrue(ids.add(item.id()), "duplicate id " + item.id());
        }
        Corpus again = new KnowledgeReader().read(List.of(folder));
        assertEquals(corpus.items(), again.items());
    }

    @Test
    void readsTheWholeCorpusQuickly() {
        long start = System.nanoTime();
        new KnowledgeReader().read(List.of(folder));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // well under a second when warm; the bound leaves room for a slow CI machine
        assertTrue(millis < 3_000, "took " + millis + " ms");
    }

    private static KnowledgeItem item(String id) {
        return corpus.items().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id));
    }

    private static List<KnowledgeItem> itemsOf(String file) {
        return corpus.items().stream().filter(i -> i.source().file().equals(file)).toList();
    }

    private static List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Set<String> askersIn(Path file) throws IOException {
        Set<String> askers = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.contains("提问") || line.matches("^\\s*\\**\\d+\\s*[.、].*")) {
                Matcher m = ASKER.matcher(line.replace("*", ""));
                while (m.find()) {
                    askers.add(m.group(1));
                }
            }
        }
        return askers;
    }
}
