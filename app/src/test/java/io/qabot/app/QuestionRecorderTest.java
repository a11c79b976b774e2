package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qabot.core.ChatMessage;
import io.qabot.core.Outcome;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.Telemetry;
import io.qabot.core.desk.AskedQuestion;
import io.qabot.core.desk.QuestionLog;
import io.qabot.core.desk.QuestionStats;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The question log's writer keeps a batch whose write failed (a store closing under it) for one more try. */
class QuestionRecorderTest {
    private final List<AskedQuestion> written = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final QuestionLog log = new QuestionLog() {
        @Override
        public void record(List<AskedQuestion> questions) {
            if (!questions.isEmpty() && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the store is closing");
            }
            written.addAll(questions);
        }

        @Override
        public int prune(Instant cutoff, int batch) {
            return 0;
        }

        @Override
        public QuestionStats stats(Instant since, int limit) {
            throw new UnsupportedOperationException();
        }
    };

    private static Outcome escalated(String id) {
        ChatMessage message = new ChatMessage(Platform.SLACK, "C1", null, id, new Sender("U1", "Ann"), "what?", true,
                Instant.parse("2026-11-21T10:00:00Z"));
        return new Outcome.Escalated(message, new Match("what?", Decision.ESCALATE, 0.1, List.of()), 7);
    }

    @Test
    void aBatchWhoseWriteFailedIsWrittenWithTheNextFlushAndChatterIsCountedWithoutItsText() {
        QuestionRecorder recorder = new QuestionRecorder(log, Telemetry.NONE);
        recorder.handled(escalated("m-1"));
        failures.set(1);

        recorder.flush();
        assertEquals(List.of(), written);

        recorder.handled(new Outcome.Silent(escalated("m-2").message(), new Match("thanks", Decision.IGNORE, 0, List.of()),
                Outcome.Silence.NOT_A_QUESTION));
        recorder.flush();
        assertEquals(List.of("m-1 escalate what?", "ignore "), written.stream()
                .map(q -> (q.decision() == Decision.ESCALATE ? "m-1 " : "") + q.decision().wireName() + " " + q.question())
                .toList());
    }

    @Test
    void aBatchThatFailsTwiceIsLost() {
        QuestionRecorder recorder = new QuestionRecorder(log, Telemetry.NONE);
        recorder.handled(escalated("m-1"));
        failures.set(2);

        recorder.flush();
        recorder.flush();
        recorder.flush();

        assertEquals(List.of(), written);
    }
}
