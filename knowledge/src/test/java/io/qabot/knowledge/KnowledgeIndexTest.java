package io.qabot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeIndexTest {
    private static KnowledgeItem item(String file, String project, String... questionsAndAnswers) {
        List<Turn> turns = new java.util.ArrayList<>();
        for (int i = 0; i < questionsAndAnswers.length; i += 2) {
            turns.add(new Turn(questionsAndAnswers[i], questionsAndAnswers[i + 1], i + 1));
        }
        return new KnowledgeItem(file + "#1", turns, List.of("https://github.com/example/" + project), project,
                new Source(file, "Weekly " + file, null, null), Origin.DIGEST);
    }

    private static final KnowledgeIndex INDEX = KnowledgeIndex.build(List.of(
            item("a.md", "SOFAJRaft", "SOFAJRaft 支持跨机房部署吗？", "跨机房不需要特殊支持，只是网络延时大一点而已。",
                    "延时大了，读写性能就会降低了吧？", "可以 transfer leader 到就近的机房。"),
            item("b.md", "Seata", "@GlobalTransactional 注解加在哪个服务上？", "加在发起全局事务的 TM 服务的方法上。"),
            item("c.md", "Seata", "store.mode 配置成 db 以后启动参数还要加 -m db 吗？", "不需要，配置文件里的 store.mode 已经生效。"),
            item("d.md", "SOFALookout", "Lookout 客户端会提供 go 语言支持吗？", "目前只有 Java 客户端。"),
            item("e.md", "MOSN", "MOSN 有计划支持 eureka 注册中心吗？", "目前没有，欢迎 pr。")));

    @Test
    void greetingsThanksAndLaughterAreIgnored() {
        for (String chatter : List.of("hi all", "thanks!", "谢谢大佬", "哈哈 大佬牛逼", "+1", "收到", "在吗", "👍👍", "", "   ")) {
            assertEquals(Decision.IGNORE, INDEX.match(chatter).decision(), chatter);
        }
    }

    @Test
    void aKnownQuestionInOtherWordsIsAnsweredWithItsTurn() {
        Match match = INDEX.match("请问大佬们，jraft 能跨机房部署不？");
        assertEquals(Decision.ANSWER, match.decision());
        assertEquals("a.md", match.best().orElseThrow().item().source().file());
        assertEquals(0, match.best().orElseThrow().turnIndex());
    }

    @Test
    void traditionalCharactersFullWidthLettersAndCapitalsAskTheSameQuestion() {
        Match simplified = INDEX.match("请问大佬们，jraft 能跨机房部署不？");
        for (String sameQuestion : List.of("請問大佬們，jraft 能跨機房部署不？", "请问大佬们，ＪＲＡＦＴ 能跨机房部署不？",
                "请问大佬们，JRaft 能跨机房部署不？")) {
            Match match = INDEX.match(sameQuestion);
            assertEquals(simplified.decision(), match.decision(), sameQuestion);
            assertEquals(simplified.confidence(), match.confidence(), 1e-9, sameQuestion);
            assertEquals(simplified.best().orElseThrow().item(), match.best().orElseThrow().item(), sameQuestion);
        }
    }

    @Test
    void remarksOnAThreadPastedTextAndStatementsAreNeverAnswered() {
        for (String remark : List.of("好的我再试试看", "问题已经解决了，是 store.mode 写错了，打扰大家了", "感谢大佬，按你说的把 leader 迁到就近机房就好了",
                "对，我也是这么理解的，跨机房只是延时大一点", "thx, works now")) {
            assertEquals(Decision.IGNORE, INDEX.match(remark).decision(), remark);
        }
        for (String notAsked : List.of("我们线上也是跨机房这么部署的，跑了一年多没出过问题",
                "Exception in thread \"main\" io.seata.GlobalTransactionalException: store.mode db\n\tat io.seata.Tm.begin(Tm.java:12)",
                "store:\n  mode: db\n  db:\n    url: jdbc:mysql://127.0.0.1/seata")) {
            Explanation why = INDEX.explain(notAsked);
            assertTrue(why.match().decision() != Decision.ANSWER && why.rule() != null, why.toString());
            assertTrue(why.match().confidence() <= 0.05, why.toString());
        }
    }

    @Test
    void aFollowUpIsFoundByItsOwnQuestion() {
        Match match = INDEX.match("jraft 跨机房延时大了读写性能会降低吗");
        assertEquals(1, match.best().orElseThrow().turnIndex(), match.toString());
    }

    @Test
    void codeIdentifiersMatchTheirParts() {
        assertEquals("b.md", INDEX.match("global transactional 注解应该加在哪").best().orElseThrow().item().source().file());
        assertEquals("c.md", INDEX.match("store mode 改成 db 还用加启动参数吗").best().orElseThrow().item().source().file());
    }

    @Test
    void aQuestionAboutAnotherProductIsNotAnsweredBySimilarWords() {
        Match match = INDEX.match("Seata 会提供 go 语言的客户端吗？");
        assertEquals(Decision.ESCALATE, match.decision(), match.toString());
    }

    private static final KnowledgeIndex PRODUCTS = KnowledgeIndex.build(List.of(
            item("f.md", "SOFARegistry", "那 6.x 版本相比 5.x 版本，缺失了哪些功能，有列表么？", "透出的 watcher 还没有支持。"),
            item("g.md", "SOFARegistry", "SOFARegistry 的数据持久化在哪里？", "元数据存储在 meta 角色内。"),
            item("h.md", "Seata", "Seata 的 Saga 模式能支持 DB2 数据库吗？", "可以支持 DB2。"),
            item("i.md", "Seata", "我们用 RestfulApi 还有 gRPC 做微服务之间的调用，Seata 能支持吗？", "可以，看下 gRPC 的拦截器。"),
            item("j.md", "SOFARPC", "SOFARPC 怎么配置调用的超时时间？", "在 consumer 上配置 timeout。")));

    @Test
    void aThreadIsAboutItsProductEvenWhereItsQuestionDoesNotNameIt() {
        Explanation why = PRODUCTS.explain("SOFARegistry 6.x 相比 5.x 少了哪些功能？有列表吗");
        // the confidence decides, not the product rule
        assertNull(why.rule(), why.toString());
        assertEquals(0.0, why.features().get("otherProduct"), why.toString());
        assertEquals("f.md", why.match().best().orElseThrow().item().source().file());
    }

    @Test
    void onlyAWholeWordNamesATechnologyOrAProduct() {
        // "TiDB" splits into "ti" and "db", but no thread is about TiDB
        assertEquals(Decision.ESCALATE, PRODUCTS.match("Seata AT 模式支持 TiDB 吗？").decision());
        // "gRPC" splits into "g" and "rpc", but a Seata thread about gRPC is not about SOFARPC
        Match rpc = PRODUCTS.match("SOFARPC 支持 gRPC 的 stream 流式调用吗");
        assertEquals(Decision.ESCALATE, rpc.decision(), rpc.toString());
    }

    @Test
    void aRealQuestionTheKnowledgeDoesNotHoldIsEscalated() {
        assertEquals(Decision.ESCALATE, INDEX.match("Docker 镜像太大了，多阶段构建要怎么写？").decision());
        assertEquals(Decision.ESCALATE, INDEX.match("How do I tune Linux TCP keepalive?").decision());
    }

    @Test
    void aSmallFaqDoesNotAnswerAQuestionThatSharesOnlyOneOfItsWords() {
        KnowledgeIndex faq = KnowledgeIndex.build(List.of(
                item("faq.md", "qabot", "How do I run qabot?", "`./qabot serve` starts the bot."),
                item("faq.md", "qabot", "What is qabot?", "A bot that answers repeated questions from the digests."),
                item("faq.md", "qabot", "What happens to a question qabot cannot answer?", "It goes to the maintainers.")));

        assertEquals(Decision.ANSWER, faq.match("how do i run qabot").decision());
        for (String offTopic : List.of("how to run a spark job on yarn", "how do I run postgres in docker",
                "Can the scheduler run cron jobs in the Asia/Tokyo time zone?")) {
            assertEquals(Decision.ESCALATE, faq.match(offTopic).decision(), offTopic);
        }
    }

    @Test
    void aSmallFaqAnswersItsOwnQuestionAskedWordForWord() {
        // the sample FAQ's entries (app's sample-knowledge): every one names qabot, so nothing
        // but the exact wording tells "What is qabot?" apart
        KnowledgeIndex faq = KnowledgeIndex.build(List.of(
                item("faq.md", "qabot", "What is qabot?", "qabot answers repeated questions in developer-community group"
                        + " chats with the answers maintainers already wrote in their weekly Q&A digests and FAQ pages,"
                        + " and sends the questions it cannot answer to a maintainers' queue."),
                item("faq2.md", "qabot", "How do I point qabot at my community's digests?", "Give the folders with"
                        + " `--knowledge PATH` (repeatable), or list them under `knowledge:` in the YAML configuration."),
                item("faq3.md", "qabot", "What happens to a question qabot cannot answer?", "It becomes an escalation in"
                        + " the maintainers' queue."),
                item("faq4.md", "qabot", "How do I run qabot?", "`./qabot serve` starts the bot on 127.0.0.1:8080 with"
                        + " this sample knowledge; `./qabot ask \"your question\"` answers one question.")));

        Match exact = faq.match("What is qabot?");
        assertEquals(Decision.ANSWER, exact.decision(), exact.toString());
        assertEquals("faq.md", exact.best().orElseThrow().item().source().file());
        assertTrue(faq.explain("what is QABOT").decidedBy().startsWith("rule: repeats"),
                faq.explain("what is QABOT").decidedBy());
        // the same few words about something else are still not answered
        assertEquals(Decision.ESCALATE, faq.match("What is kafka?").decision());
    }

    @Test
    void confidenceIsAProbabilityAndHigherForTheCloserQuestion() {
        double exact = INDEX.match("MOSN 有计划支持 eureka 注册中心吗？").confidence();
        double loose = INDEX.match("MOSN 以后会支持别的注册中心吗").confidence();
        assertTrue(exact > loose, exact + " vs " + loose);
        assertTrue(exact <= 1 && loose >= 0);
    }

    @Test
    void anyTextGetsADecisionWithoutThrowing() {
        String huge = "为什么 seata ".repeat(20_000);
        for (String text : List.of(huge, "\u0000\u0001\u001b[31m", "\uD800", "?????", "))))((((", "a".repeat(100_000))) {
            Match match = INDEX.match(text);
            assertTrue(match.confidence() >= 0 && match.confidence() <= 1);
        }
    }
}
