package io.qabot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence of how much of what a question asks a thread holds, counting technical words
 * ({@link EverydayWords}), not product names or everyday wording.
 */
class TechnicalEvidenceTest {
    private static KnowledgeItem item(String file, String project, String question, String answer) {
        return new KnowledgeItem(file + "#1", List.of(new Turn(question, answer, 1)),
                List.of("https://github.com/example/" + project), project,
                new Source(file, "Weekly " + file, null, null), Origin.DIGEST);
    }

    private static final KnowledgeIndex INDEX = KnowledgeIndex.build(List.of(
            item("a.md", "Seata", "咨询一下，Seata TCC 中这个 BusinessActivityContext 是用于做什么的？",
                    "rollback 服务里需要用到 try 服务里的参数时，可以放到 BusinessActivityContext。"),
            item("b.md", "Seata", "Seata 的 undo_log 表可以建在 DB2 上吗？", "目前支持 MySQL、Oracle 和 PostgreSQL。"),
            item("c.md", "SOFARPC", "SOFARPC 的 uniqueId 有什么用？", "同一个接口有多个实现时用 uniqueId 区分。")));

    @Test
    void aProductNameAndAWordOfItsThreadAreNotFullTechnicalCoverage() {
        // the replay at 2021-01-01 answered this with what BusinessActivityContext is for: the
        // only words it shares with that thread are "Seata" and "用于"
        Features f = INDEX.features("Seata 可以用于生产环境吗？");
        assertEquals("a.md", INDEX.decide("Seata 可以用于生产环境吗？").best().entry().item().source().file());
        assertTrue(f.technicalCoverage() < 0.5, "technicalCoverage " + f.technicalCoverage());
        assertNotEquals(Decision.ANSWER, INDEX.match("Seata 可以用于生产环境吗？").decision());
    }

    @Test
    void aParaphraseInChatWordsKeepsTheThreadsTechnicalWords() {
        Features f = INDEX.features("sofarpc 里那个 uniqueId 到底是干嘛用的？");
        // the missing words are chat words ("到底", "干嘛"), which count little
        assertTrue(f.technicalCoverage() > 0.8, "technicalCoverage " + f.technicalCoverage());
        assertTrue(f.mostMissingTechnical() < 0.3, "mostMissingTechnical " + f.mostMissingTechnical());
    }

    @Test
    void aNearMissMissesATechnicalWord() {
        Features f = INDEX.features("Seata 的 undo_log 表可以建在 TiDB 上吗？");
        assertTrue(f.mostMissingTechnical() > 0.5, "mostMissingTechnical " + f.mostMissingTechnical());
    }
}
