package io.qabot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paraphrase and a near miss can share as many words with a thread (its question and its
 * answer together), but only the paraphrase and the thread's own question cover each other
 * both ways ({@link Features#restatement()}, {@link Features#technicalAlignment()}). The near
 * miss below is the shape of the 2020 replay question that scored highest (docs/precision.md,
 * fourth round): it asks what TC does in Saga, of a thread that asks what Saga does when TC
 * sends a rollback.
 */
class QuestionAlignmentTest {
    private static KnowledgeItem item(String file, String project, String question, String answer) {
        return new KnowledgeItem(file + "#1", List.of(new Turn(question, answer, 1)),
                List.of("https://github.com/example/" + project), project,
                new Source(file, "Weekly " + file, null, null), Origin.DIGEST);
    }

    private static final KnowledgeIndex INDEX = KnowledgeIndex.build(List.of(
            item("saga.md", "Seata", "Saga 模式下，如果 TC 端发出回滚命令，Saga 怎么处理，没发现有回滚状态？",
                    "Saga 的回滚不是由 TC 来协调，TC 只负责触发，回滚流程是由状态机执行的，状态机记录每个节点的状态。"),
            item("xa.md", "Seata", "XA 模式下 Seata 是怎么实现事务隔离的？", "XA 模式由数据库自己的 XA 事务保证隔离。"),
            item("rpc.md", "SOFARPC", "SOFARPC 的 uniqueId 有什么用？", "同一个接口有多个实现时用 uniqueId 区分。")));

    @Test
    void aParaphraseIsCoveredBothWaysANearMissOnlyByTheThreadAndItsAnswer() {
        String paraphrase = "请问 Saga 模式下 TC 发出回滚命令以后，Saga 是怎么处理的？没有发现回滚状态";
        String nearMiss = "Saga 模式下 TC 的作用是什么？状态机可以控制回滚的话，TC 是不是只记录状态？";
        Features p = INDEX.features(paraphrase);
        Features n = INDEX.features(nearMiss);
        assertEquals("saga.md", INDEX.decide(paraphrase).best().entry().item().source().file());
        assertEquals("saga.md", INDEX.decide(nearMiss).best().entry().item().source().file());
        // the thread and its answer hold the near miss's technical words as fully as the paraphrase's ...
        assertTrue(n.technicalCoverage() > 0.95 && p.technicalCoverage() > 0.95, "technicalCoverage " + n + " " + p);
        // ... but the thread's own question and the near miss do not restate each other
        assertTrue(p.restatement() > n.restatement() + 0.2,
                "restatement " + p.restatement() + " against " + n.restatement());
        assertTrue(p.technicalAlignment() > n.technicalAlignment() + 0.2,
                "technicalAlignment " + p.technicalAlignment() + " against " + n.technicalAlignment());
    }

    @Test
    void eachIsTheLowerOfItsTwoShares() {
        Features f = INDEX.features("XA 模式下 Seata 的事务隔离是怎么实现的？");
        assertEquals(Math.min(f.questionCoverage(), f.reverseCoverage()), f.restatement(), 1e-12);
        assertEquals(Math.min(f.technicalCoverage(), f.reverseCoverage()), f.technicalAlignment(), 1e-12);
        assertTrue(f.restatement() > 0.9, "a restated question: " + f);
    }
}
