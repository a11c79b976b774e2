package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An answer from a post older than policy.answerAgeNotice says when it was given; a recent one, or a maintainer's, does not. */
class AnswerAgeNoticeTest {
    private static final String QUESTION = "raft 能跨机房部署吗";
    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");

    private String reply(Optional<Period> age, KnowledgeItem item) {
        Pipeline pipeline = Pipeline.builder(new ScriptedMatcher().answering(QUESTION, item),
                new InMemoryEscalationQueue(clock), Runnable::run).clock(clock).answerAgeNotice(age).build();
        ChatMessage message = new ChatMessage(Platform.WEBHOOK, "group-42", "t-1", "m-1", new Sender("u7", "Ann"),
                QUESTION, true, clock.instant());
        Outcome outcome = pipeline.handle(message).orTimeout(5, TimeUnit.SECONDS).join().outcome();
        return assertInstanceOf(Outcome.Replied.class, outcome).reply().text();
    }

    @Test
    void anAnswerFromAPostOlderThanTheLimitSaysWhenItWasGiven() {
        String text = reply(Optional.of(Period.ofMonths(18)), ScriptedMatcher.JRAFT);

        assertTrue(text.startsWith("@Ann (answered in SOFA Weekly, 2019-11-01)"), text);
        assertTrue(text.contains("跨机房不需要特殊支持"), text);
    }

    @Test
    void aRecentAnswerAMaintainersAnswerOrNoLimitSaysNothingOfItsAge() {
        assertFalse(reply(Optional.of(Period.ofYears(10)), ScriptedMatcher.JRAFT).contains("answered in"));
        assertFalse(reply(Optional.empty(), ScriptedMatcher.JRAFT).contains("answered in"));
        KnowledgeItem learned = new KnowledgeItem("maintainer-answers#3", ScriptedMatcher.JRAFT.turns(), List.of(), "",
                ScriptedMatcher.JRAFT.source(), Origin.MAINTAINER);
        assertFalse(reply(Optional.of(Period.ofMonths(18)), learned).contains("answered in"));
    }
}
