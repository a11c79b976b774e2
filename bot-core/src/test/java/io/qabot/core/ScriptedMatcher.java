package io.qabot.core;

import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A matcher whose verdicts the test writes down: a question it was told to answer gets that
 * item's first turn, one it was told is chatter is ignored, anything else is escalated.
 * Counts its calls so tests can tell whether matching happened.
 */
public final class ScriptedMatcher implements QuestionMatcher {
    public static final KnowledgeItem JRAFT = item("sofa-weekly-20191101.md#3",
            "跨机房不需要特殊支持，只是网络延时大一点而已。部署时注意选举超时。",
            List.of("https://github.com/sofastack/sofa-jraft"));

    private final Map<String, Match> verdicts = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public ScriptedMatcher answering(String question, KnowledgeItem item) {
        verdicts.put(question, new Match(question, Decision.ANSWER, 0.9, List.of(new Candidate(item, 0, 12.5))));
        return this;
    }

    public ScriptedMatcher ignoring(String text) {
        verdicts.put(text, new Match(text, Decision.IGNORE, 0.0, List.of()));
        return this;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public Match match(String question) {
        calls.incrementAndGet();
        return verdicts.getOrDefault(question, new Match(question, Decision.ESCALATE, 0.2, List.of()));
    }

    public static KnowledgeItem item(String id, String answer, List<String> links) {
        Source source = new Source("sofa-weekly-20191101.md", "SOFA Weekly | 每周精选【10/28 - 11/01】",
                LocalDate.of(2019, 11, 1), "https://www.sofastack.tech/blog/sofa-weekly-20191101/");
        // the asker's name in the digest ("@张三 提问") is deliberately not part of the item
        return new KnowledgeItem(id, List.of(new Turn("raft 能跨机房部署吗", answer, 12)), links, "SOFAJRaft",
                source, Origin.DIGEST);
    }
}
