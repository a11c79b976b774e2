package io.qabot.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.MutableClock;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEscalationQueueTest {
    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    private final InMemoryEscalationQueue queue = new InMemoryEscalationQueue(clock);

    private Asker asker(String user, String message) {
        return new Asker(Platform.WEBHOOK, "group-42", null, new Sender(user, user), message, clock.instant());
    }

    @Test
    void listsOpenEscalationsNewestFirst() {
        long older = queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-1"));
        clock.advance(Duration.ofMinutes(1));
        long newer = queue.enqueue("sofa-rpc 怎么配置超时", asker("u2", "m-2"));

        assertEquals(List.of(newer, older), queue.open().stream().map(Escalation::id).toList());
    }

    @Test
    void theSameQuestionFromAnotherAskerJoinsTheOpenEscalation() {
        long first = queue.enqueue("jraft 支持 learner 吗？", asker("u1", "m-1"));
        long second = queue.enqueue("JRaft  支持 learner 吗", asker("u2", "m-2"));

        assertEquals(first, second);
        assertEquals(2, queue.find(first).orElseThrow().askers().size());
    }

    @Test
    void aParaphraseJoinsTheOpenEscalationAsInTheStoreButAnotherQuestionOfTheProductDoesNot() {
        long first = queue.enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        queue.enqueue("sofa-rpc 的超时时间怎么配置", asker("u2", "m-2"));
        queue.enqueue("MOSN 能和 Istio 一起用吗", asker("u3", "m-3"));
        long paraphrase = queue.enqueue("jraft 能不能跨机房部署？", asker("u4", "m-4"));
        long other = queue.enqueue("jraft 的 learner 怎么用", asker("u5", "m-5"));

        assertEquals(first, paraphrase);
        assertNotEquals(first, other);
    }

    @Test
    void anAskerRepeatingTheQuestionIsListedOnce() {
        long id = queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-1"));
        queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-2"));

        assertEquals(1, queue.find(id).orElseThrow().askers().size());
    }

    @Test
    void answeringClosesTheEscalationAndReturnsItsAskers() {
        long id = queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-1"));
        MaintainerAnswer answer = new MaintainerAnswer("支持", List.of("https://github.com/sofastack/sofa-jraft"), "m");

        Escalation answered = queue.answer(id, answer).orElseThrow();

        assertEquals(Escalation.Status.ANSWERED, answered.status());
        assertEquals(answer, answered.answer().orElseThrow());
        assertEquals("u1", answered.askers().get(0).user().id());
        assertTrue(queue.open().isEmpty());
        assertTrue(queue.answer(id, answer).isEmpty(), "an answered escalation cannot be answered again");
    }

    @Test
    void aQuestionAskedAgainAfterItsEscalationClosedOpensANewOne() {
        long first = queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-1"));
        queue.dismiss(first).orElseThrow();

        long second = queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-2"));

        assertNotEquals(first, second);
        assertEquals(Escalation.Status.DISMISSED, queue.find(first).orElseThrow().status());
    }

    @Test
    void dismissingAnUnknownIdChangesNothing() {
        queue.enqueue("jraft 支持 learner 吗", asker("u1", "m-1"));

        assertTrue(queue.dismiss(999).isEmpty());
        assertEquals(1, queue.open().size());
    }
}
