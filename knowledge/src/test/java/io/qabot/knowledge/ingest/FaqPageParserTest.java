package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Project FAQ pages: one item per {@code Q：} entry, Chinese and English. */
class FaqPageParserTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryEntryOfTheRealFaqPages() {
        Corpus corpus = new KnowledgeReader().read(List.of(Path.of(System.getProperty("qabot.shared")).resolve("corpus/faq")));
        Map<String, Long> entries = corpus.items().stream()
                .collect(Collectors.groupingBy(i -> i.source().file(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("en-sofa-acts-faq.md", 7L, "en-sofa-rpc-faq.md", 6L, "zh-faq.md", 6L,
                "zh-sofa-acts-faq.md", 7L, "zh-sofa-boot-faq.md", 8L, "zh-sofa-lookout-faq.md", 3L,
                "zh-sofa-rpc-faq.md", 6L), entries);
        assertEquals(7, corpus.documents());
        assertEquals(List.of(), corpus.problems());
        assertTrue(corpus.items().stream().allMatch(i -> i.origin() == Origin.FAQ && i.turns().size() == 1));
    }

    @Test
    void takesTheAnswerUpToTheNextEntryKeepingSubHeadings() throws IOException {
        KnowledgeItem first = read("zh-sofa-acts-faq.md", """
                ---
                title: "常见问题"
                aliases: "/sofa-acts/docs/FAQ"
                ---

                ## Q：报错误 NoSuchMethodError

                一般由依赖冲突导致。

                ### 日志冲突

                排除 commons-logging。

                ## Q: 报错误 NoClassDefFoundError

                缺少依赖。
                """).get(0);
        assertEquals("报错误 NoSuchMethodError", first.turns().get(0).question());
        assertEquals("一般由依赖冲突导致。\n\n### 日志冲突\n\n排除 commons-logging。", first.turns().get(0).answer());
        assertEquals(6, first.turns().get(0).line());
        assertEquals("zh-sofa-acts-faq.md#1", first.id());
        assertEquals("常见问题", first.source().title());
        assertEquals("https://www.sofastack.tech/sofa-acts/docs/FAQ/", first.source().url());
    }

    @Test
    void derivesEnglishAddressesAndLeavesMissingOnesEmpty() throws IOException {
        KnowledgeItem english = read("en-sofa-rpc-faq.md", """

                ---
                title: "FAQ"
                aliases: "/sofa-rpc/docs/FAQ"
                ---

                ## Common issues

                ### Q: Is SOFARPC the version used inside Ant Financial?
                Yes, see [the docs](https://www.sofastack.tech/projects/sofa-rpc/overview/).
                """).get(0);
        assertEquals("https://www.sofastack.tech/en/sofa-rpc/docs/FAQ/", english.source().url());
        assertEquals(List.of("https://www.sofastack.tech/projects/sofa-rpc/overview/"), english.links());
        assertNull(read("zh-faq.md", "### Q：什么是 SOFA？\nSOFA 是金融级分布式架构。\n").get(0).source().url());
    }

    @Test
    void readsQuestionHeadingsAnsweredWithAnAnswerMarker() throws IOException {
        KnowledgeItem item = read("zh-sofa-lookout-faq.md", """
                # Lookout客户端会提供多语言支持吗
                答：暂时不会。
                """).get(0);
        assertEquals("Lookout客户端会提供多语言支持吗", item.turns().get(0).question());
        assertEquals("暂时不会。", item.turns().get(0).answer());
    }

    @Test
    void reportsAnEntryWithoutAnAnswer() throws IOException {
        Files.writeString(dir.resolve("faq.md"), "### Q：有答案吗？\n\n### Q：这个有。\n答案。\n", StandardCharsets.UTF_8);
        Corpus corpus = new KnowledgeReader().read(List.of(dir));
        assertEquals(List.of(new Problem("faq.md", 1, "FAQ question without an answer")), corpus.problems());
        assertEquals(1, corpus.items().size());
    }

    private List<KnowledgeItem> read(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        return new KnowledgeReader().read(List.of(file)).items();
    }
}
