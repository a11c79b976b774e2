package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Match;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The telemetry port hears each outcome once and every match. (That the message id reaches the
 * executor's log lines is checked in the app, with a real MDC: slf4j-simple's does nothing.)
 */
class TelemetryTest {
    private static final String QUESTION = "raft 能跨机房部署吗";

    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScriptedMatcher matcher = new ScriptedMatcher().answering(QUESTION, ScriptedMatcher.JRAFT);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private ChatMessage message(String id) {
        return new ChatMessage(Platform.SLACK, "C1", null, id, new Sender("u7", "Ann"), QUESTION, true, clock.instant());
    }

    @Test
    void telemetryHearsEachOutcomeOnceAndEveryMatchWithItsTime() throws Exception {
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        List<Duration> matches = new CopyOnWriteArrayList<>();
        Telemetry telemetry = new Telemetry() {
            @Override
            public void handled(Outcome outcome) {
                outcomes.add(outcome);
            }

            @Override
            public void matched(Duration took, Match match) {
                matches.add(took);
            }
        };
        Pipeline pipeline = Pipeline.builder(matcher, new InMemoryEscalationQueue(clock), executor).clock(clock)
                .telemetry(telemetry).build();

        pipeline.handle(message("Ev01")).get(5, TimeUnit.SECONDS);
        pipeline.handle(message("Ev01")).get(5, TimeUnit.SECONDS); // the platform's redelivery
        pipeline.match(QUESTION).get(5, TimeUnit.SECONDS);

        assertEquals(1, outcomes.size());
        assertInstanceOf(Outcome.Replied.class, outcomes.get(0));
        assertEquals(2, matches.size(), "the message's match and the ask's");
    }
}
