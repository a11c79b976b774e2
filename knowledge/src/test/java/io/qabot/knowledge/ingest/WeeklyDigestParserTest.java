package io.qabot.knowledge.ingest;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Problem;
import io.qabot.knowledge.Turn;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thread shapes the digests used over the years, each in a small made-up post. */
class WeeklyDigestParserTest {
    private final List<Problem> problems = new ArrayList<>();

    @Test
    void readsAThreadWithFollowUpTurnsItsProjectAndItsLinks() {
        List<KnowledgeItem> items = parse("sofa-weekly-20191101.md", """
                ---
                title: "SOFA Weekly | 每周精选"
                date: 2019-11-01T15:00:00+08:00
                ---

                ### 每周读者问答提炼

                **1、@罗健** 提问：
                > 跨机房支持吗？

                A： 跨机房不需要特殊支持。

                > 延时大了，性能会降低吧？

                A：1. 支持 transfer leader；
                2. 见 [https://github.com/sofastack/sofa-jraft/issues/1](https://github.com/sofastack/sofa-jraft/issues/1)
                SOFAJRaft：[https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)

                ### 本周推荐阅读

                - [一篇文章](/blog/x/)
                """);
        KnowledgeItem item = only(items);
        assertEquals("sofa-weekly-20191101.md#1", item.id());
        assertEquals(List.of(new Turn("跨机房支持吗？", "跨机房不需要特殊支持。", 9),
                new Turn("延时大了，性能会降低吧？", "1. 支持 transfer leader；\n2. 见 "
                        + "[https://github.com/sofastack/sofa-jraft/issues/1](https://github.com/sofastack/sofa-jraft/issues/1)", 13)),
                item.turns());
        assertEquals(List.of("https://github.com/sofastack/sofa-jraft/issues/1", "https://github.com/sofastack/sofa-jraft"),
                item.links());
        assertEquals("SOFAJRaft", item.project());
        assertEquals(LocalDate.of(2019, 11, 1), item.source().date());
        assertEquals("https://www.sofastack.tech/blog/sofa-weekly-20191101/", item.source().url());
        assertEquals(List.of(), problems);
    }

    @Test
    void readsNumberedNamesWithoutAtSignAndBoldSectionTitles() {
        List<KnowledgeItem> items = parse("p.md", """
                **每周读者问答提炼**

                **1. 罗坤** 提问：

                >可以用摘要日志告警么？

                A：是可以的。

                「SOFATracer」： *[https://github.com/sofastack/sofa-tracer](https://github.com/sofastack/sofa-tracer)*

                **2. 小白**

                > 还有一个问题？

                A：好的。

                「SOFABoot」[https://github.com/sofastack/sofa-boot](https://github.com/sofastack/sofa-boot)

                **本周推荐阅读**

                **1. 不是问题**
                """);
        assertEquals(2, items.size());
        assertEquals("SOFATracer", items.get(0).project());
        assertEquals("还有一个问题？", items.get(1).turns().get(0).question());
        assertEquals("好的。", items.get(1).turns().get(0).answer());
        assertEquals("SOFABoot", items.get(1).project());
        assertEquals(List.of(), problems);
    }

    @Test
    void readsGitHubIssueDigestsWithTheAskerOnItsOwnLine() {
        List<KnowledgeItem> items = parse("p.md", """
                ## **SOFAStack** **GitHub issue 精选**

                **本周各项目回复 issue 精选 3 条**

                **1.@****MOSN** **#2347**

                @huayangchan

                > 内部自定义的 RPC 协议能做吗？

                A：可以先用纯 MOSN 支持。

                「**MOSN**」：[https://github.com/mosn/mosn/issues/2347](https://github.com/mosn/mosn/issues/2347)
                """);
        KnowledgeItem item = only(items);
        assertEquals("内部自定义的 RPC 协议能做吗？", item.turns().get(0).question());
        assertEquals("MOSN", item.project());
        assertFalse(item.turns().toString().contains("huayangchan"));
    }

    @Test
    void readsPlainQuestionsAndMergesRepeatedAnswerMarkers() {
        KnowledgeItem item = only(parse("p.md", """
                **2.@googlefan  #939**

                jraft-spring-boot-starter 的 NodeManager 有什么用？

                A：是内部用的。</br>
                A：不是给用户用的。</br>
                SOFAJRaft：[https://github.com/sofastack/sofa-jraft](https://github.com/sofastack/sofa-jraft)</br>
                </br>
                """));
        assertEquals(List.of(new Turn("jraft-spring-boot-starter 的 NodeManager 有什么用？", "是内部用的。\n不是给用户用的。", 3)),
                item.turns());
    }

    @Test
    void keepsQuotedPicturesUnderAnAnswerInThatAnswer() {
        KnowledgeItem item = only(parse("p.md", """
                **1、@胡希国** 提问：

                > start 在哪调用？

                A：迁移连接之后就会 start 了。

                >![](https://example.com/a.png)<br/>

                **2、@胡希国** 提问：

                > 每个连接都有 readloop 吗？
                """));
        assertEquals("迁移连接之后就会 start 了。\n\n![](https://example.com/a.png)", item.turns().get(0).answer());
        assertEquals(List.of(new Problem("p.md", 11, "question without an answer")), problems);
    }

    @Test
    void readsCodeBlocksAsTextNotAsMarkup() {
        KnowledgeItem item = only(parse("p.md", """
                **4、@胡志奇** 提问：

                > 推荐的实现类似：

                ```java
                @Override
                # not a heading
                A: not an answer
                ```

                A：没有问题。
                """));
        Turn turn = item.turns().get(0);
        assertEquals("推荐的实现类似：\n\n```java\n@Override\n# not a heading\nA: not an answer\n```", turn.question());
        assertEquals("没有问题。", turn.answer());
    }

    @Test
    void reportsACodeBlockThatIsNeverClosed() {
        parse("p.md", """
                **1、@张三** 提问：

                > 这段代码有问题吗？

                ```java
                A：还是代码
                """);
        assertEquals(List.of(new Problem("p.md", 5, "code block is not closed with ```"),
                new Problem("p.md", 3, "question without an answer")), problems);
    }

    @Test
    void readsGroupedThreadsUnderATopicHeader() {
        List<KnowledgeItem> items = parse("p.md", """
                ### 每周读者问答提炼

                **1、《直播回顾》以及 QA 整理**
                视频回顾地址：[https://www.bilibili.com/video/x/](https://www.bilibili.com/video/x/)

                **@道酉** 提问：
                > 热更新怎么实现？

                A：两个 Pod 挂载相同目录。

                **@陈鹏** 提问：

                > 同一个容器呢？

                A：RPM 升级。

                **2、关于 Seata 的 grouplist 问题：**

                > 什么时候会用到 default.grouplist？

                A：当 registry.type=file 时。

                **关于扩容：**

                > 扩容时新节点是什么角色？

                A：先追日志。
                """);
        assertEquals(List.of("p.md#1", "p.md#2", "p.md#3", "p.md#4"), items.stream().map(KnowledgeItem::id).toList());
        assertEquals("什么时候会用到 default.grouplist？", items.get(2).turns().get(0).question());
        assertEquals("当 registry.type=file 时。", items.get(2).turns().get(0).answer());
        assertEquals("扩容时新节点是什么角色？", items.get(3).turns().get(0).question());
        assertEquals(List.of(), problems);
    }

    @Test
    void leavesReleaseNotesAndNumberedAnswerListsAlone() {
        List<KnowledgeItem> items = parse("p.md", """
                ### 每周读者问答提炼

                **1、@张三** 提问：

                > 怎么排查？

                A：可以先确认:

                1. 服务端是否发布；

                2. 客户端是否订阅。

                ### SOFA 项目进展

                **1、发布 SOFABoot v3.4.0 版本，主要变更如下：**

                - 修复问题
                """);
        KnowledgeItem item = only(items);
        assertEquals("可以先确认:\n\n1. 服务端是否发布；\n\n2. 客户端是否订阅。", item.turns().get(0).answer());
    }

    @Test
    void reportsAQaSectionWithNothingReadable() {
        assertEquals(List.of(), parse("p.md", """
                ### 每周读者问答提炼

                这周没有问答。

                ### 本周推荐阅读
                """));
        assertEquals(List.of(new Problem("p.md", 1, "Q&A section without any readable thread")), problems);
    }

    private List<KnowledgeItem> parse(String name, String text) {
        TextFile file = new TextFile(name, List.of(text.split("\n", -1)));
        return new WeeklyDigestParser().parse(file, FrontMatter.parse(file, problems), problems);
    }

    private static KnowledgeItem only(List<KnowledgeItem> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
