package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever lies in the knowledge folder, reading it never crashes: bad files become problems
 * with file and line, and the good files next to them are still read.
 */
class KnowledgeReaderBadInputTest {
    private static final String GOOD_POST = """
            ---
            title: "SOFA Weekly | good"
            date: 2020-01-10T15:00:00+08:00
            ---

            ### 每周读者问答提炼

            **1、@张三** 提问：

            > SOFAJRaft 支持 Multi-Raft 吗？

            A：支持的，可以参考 rheakv 实现。

            SOFAJRaft：[https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)
            """;

    @TempDir
    Path dir;

    private final KnowledgeReader reader = new KnowledgeReader();

    @Test
    void aMissingPathIsAnErrorNamingThePath() {
        Path missing = dir.resolve("no-such-folder");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> reader.read(List.of(missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void anEmptyFileIsAProblemAndTheRestIsStillRead() throws IOException {
        write("a-empty.md", "");
        write("b-good.md", GOOD_POST);
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(List.of(new Problem("a-empty.md", 0, "empty file")), corpus.problems());
        assertEquals(1, corpus.items().size());
        assertEquals(1, corpus.documents());
    }

    @Test
    void aBinaryFileIsAProblemPointingAtItsFirstNulByte() throws IOException {
        Files.write(dir.resolve("binary.md"), new byte[] {'a', '\n', 'b', '\n', 0, 1, 2, (byte) 0xFF});
        write("good.md", GOOD_POST);
        Corpus corpus = reader.read(List.of(dir));
        Problem problem = only(corpus.problems());
        assertEquals("binary.md", problem.file());
        assertEquals(3, problem.line());
        assertTrue(problem.reason().startsWith("binary file"), problem.reason());
        assertEquals(1, corpus.items().size());
    }

    @Test
    void nonUtf8BytesAreAProblemPointingAtTheLineOfTheFirstBadByte() throws IOException {
        byte[] head = "---\ntitle: x\n---\n\n> 问题？\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "A：回答".getBytes("GBK");
        byte[] bytes = new byte[head.length + gbk.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(gbk, 0, bytes, head.length, gbk.length);
        Files.write(dir.resolve("latin.md"), bytes);
        Problem problem = only(reader.read(List.of(dir)).problems());
        assertEquals("latin.md", problem.file());
        assertEquals(6, problem.line());
        assertTrue(problem.reason().startsWith("not UTF-8"), problem.reason());
    }

    @Test
    void aHugeFileIsAProblemWithItsSizeAndIsNotRead() throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("huge.md").toFile(), "rw")) {
            sparse.setLength(50L * 1024 * 1024);
        }
        write("good.md", GOOD_POST);
        Corpus corpus = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(List.of(dir)));
        Problem problem = only(corpus.problems());
        assertEquals("huge.md", problem.file());
        assertTrue(problem.reason().contains("52428800 bytes"), problem.reason());
        assertEquals(1, corpus.items().size());
        assertEquals(1, corpus.documents());
    }

    @Test
    void anUnclosedFrontMatterIsAProblemAndTheTextIsStillRead() throws IOException {
        write("open.md", """
                ---
                title: "never closed"

                **1、@张三** 提问：

                > 问题一？

                A：回答一。
                """);
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(List.of(new Problem("open.md", 1, "front matter is not closed with ---")), corpus.problems());
        assertEquals(1, corpus.items().size());
    }

    @Test
    void aQuestionWithoutAnAnswerIsAProblemAtTheQuestionsLine() throws IOException {
        write("unanswered.md", """
                ### 每周读者问答提炼

                **1、@张三** 提问：

                > 有人回答吗？

                **2、@李四** 提问：

                > 问题二？

                A：回答二。
                """);
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(List.of(new Problem("unanswered.md", 5, "question without an answer")), corpus.problems());
        assertEquals(1, corpus.items().size());
        assertEquals("问题二？", corpus.items().get(0).turns().get(0).question());
    }

    @Test
    void anAnswerWithoutAQuestionIsAProblemAtTheAnswersLine() throws IOException {
        write("orphan.md", """
                ### 每周读者问答提炼

                **1、@张三** 提问：

                A：回答了什么？
                """);
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(List.of(new Problem("orphan.md", 5, "answer without a question")), corpus.problems());
        assertEquals(0, corpus.items().size());
    }

    @Test
    void aFileTruncatedInsideAThreadKeepsWhatItHas() throws IOException {
        String truncated = GOOD_POST.replace("SOFAJRaft：[https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)\n", "")
                + "\n> 追问：那 Multi-Raft 怎么配置";
        write("truncated.md", truncated);
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(List.of(new Problem("truncated.md", 15, "question without an answer")), corpus.problems());
        assertEquals(1, corpus.turns());
    }

    @Test
    void aFileTruncatedRightAfterAThreadHeaderIsAProblemAtTheHeader() throws IOException {
        write("cut.md", GOOD_POST + "\n**2、@李四** 提问：\n");
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(List.of(new Problem("cut.md", 16, "thread header without a question")), corpus.problems());
        assertEquals(1, corpus.items().size());
    }

    @Test
    void aFileCanBeGivenDirectlyWhateverItsName() throws IOException {
        Path file = write("digest.txt", GOOD_POST);
        Corpus corpus = reader.read(List.of(file));
        assertEquals(1, corpus.documents());
        assertEquals("digest.txt#1", corpus.items().get(0).id());
    }

    @Test
    void foldersAreReadRecursivelyInPathOrderAndOnlyMarkdown() throws IOException {
        Files.createDirectories(dir.resolve("2020"));
        write("2020/b.md", GOOD_POST);
        write("a.md", GOOD_POST);
        write("notes.txt", GOOD_POST);
        Corpus corpus = reader.read(List.of(dir));
        assertEquals(2, corpus.documents());
        assertEquals(List.of("b.md#1", "a.md#1"), corpus.items().stream().map(i -> i.id()).toList());
    }

    @Test
    void aHundredKilobyteLineOfMarkupIsReadInLinearTime() throws IOException {
        String hostile = "<".repeat(20_000) + "*".repeat(20_000) + "http://".repeat(4_000) + "](".repeat(8_000)
                + "<br/>".repeat(4_000);
        write("hostile.md", GOOD_POST + "\n> " + hostile + "\n\nA：" + hostile + "\n" + hostile + "\n>![](x)" + hostile + "\n");
        Corpus corpus = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reader.read(List.of(dir)));
        assertEquals(2, corpus.turns());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
