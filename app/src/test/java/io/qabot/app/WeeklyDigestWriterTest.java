package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.QuestionStats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyDigestWriterTest {
    @Test
    void aLinkIntoARepositoryIsLabelledWithTheRepository() {
        assertEquals("sofa-jraft", WeeklyDigestWriter.projectName("https://github.com/sofastack/sofa-jraft/issues/1024"));
        assertEquals("sofa-rpc", WeeklyDigestWriter.projectName("https://github.com/sofastack/sofa-rpc/pull/7/files"));
        assertEquals("sofa-rpc", WeeklyDigestWriter.projectName("https://github.com/sofastack/sofa-rpc"));
        assertEquals("configuration", WeeklyDigestWriter.projectName("https://www.sofastack.tech/projects/sofa-rpc/configuration/"));
        assertEquals("sofastack", WeeklyDigestWriter.projectName("https://github.com/sofastack"));
    }

    @Test
    void theUnansweredAreAListOfOneLineQuestionsWithTheirCounts() {
        String md = WeeklyDigestWriter.unanswered(List.of(
                new QuestionStats.Topic("escalation:4", "seata 支持\nOracle 吗？", 3, false),
                new QuestionStats.Topic("escalation:9", "x".repeat(300), 1, false)));

        assertEquals(WeeklyDigestWriter.UNANSWERED_HEADING + "\n\n"
                + "- seata 支持 Oracle 吗？（3 次 / asked 3 times）\n"
                + "- " + "x".repeat(200) + "…（1 次 / asked 1 time）\n\n", md);
    }

    @Test
    void aLearnedAnswersSourceNamesTheEscalationTheMaintainersSaw() {
        LearnedAnswer learned = new LearnedAnswer(1, 2, "q?", "a.", List.of(), "alice", Instant.EPOCH, Instant.EPOCH, false);

        assertEquals("Maintainer answer to #2", learned.toKnowledgeItem().source().title());
    }
}
