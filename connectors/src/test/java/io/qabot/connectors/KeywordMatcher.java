package io.qabot.connectors;

import io.qabot.core.QuestionMatcher;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Lucene matcher so server tests do not depend on its quality: questions
 * about 跨机房 are answered from one digest item, "谢谢" is chatter, "boom" makes it throw,
 * anything else is escalated. Counts its calls.
 */
public class KeywordMatcher implements QuestionMatcher {
    public static final KnowledgeItem JRAFT = new KnowledgeItem("sofa-weekly-20191101.md#3",
            List.of(new Turn("raft 能跨机房部署吗", "跨机房不需要特殊支持，只是网络延时大一点而已。", 12)),
            List.of("https://github.com/sofastack/sofa-jraft"), "SOFAJRaft",
            new Source("sofa-weekly-20191101.md", "SOFA Weekly | 每周精选【10/28 - 11/01】", LocalDate.of(2019, 11, 1),
                    "https://www.sofastack.tech/blog/sofa-weekly-20191101/"),
            Origin.DIGEST);

    private final AtomicInteger calls = new AtomicInteger();

    public int calls() {
        return calls.get();
    }

    @Override
    public Match match(String question) {
        calls.incrementAndGet();
        if (question.contains("boom")) {
            throw new IllegalStateException("matcher exploded on purpose");
        }
        if (question.contains("跨机房")) {
            return new Match(question, Decision.ANSWER, 0.91, List.of(new Candidate(JRAFT, 0, 17.2)));
        }
        if (question.strip().equals("谢谢")) {
            return new Match(question, Decision.IGNORE, 0, List.of());
        }
        return new Match(question, Decision.ESCALATE, 0.1, List.of());
    }
}
