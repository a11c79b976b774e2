package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageChainTest {
    private static final ChatMessage MESSAGE = new ChatMessage(Platform.WEBHOOK, "group-42", "t-1", "m-1",
            new Sender("u7", "Ann"), "jraft 能跨机房部署吗", true, Instant.parse("2026-11-21T10:00:00Z"));

    /** Proceeds twice: what a careless retry inside a stage would do. */
    static final class ProceedsTwice implements Stage {
        @Override
        public Outcome intercept(Exchange exchange, Chain chain) {
            chain.proceed(exchange);
            return chain.proceed(exchange);
        }
    }

    /** Decides, counting how often it ran (each run would be one rate token, one enqueue). */
    static final class Decides implements Stage {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public Outcome intercept(Exchange exchange, Chain chain) {
            runs.incrementAndGet();
            return new Outcome.Silent(exchange.message(), null, Outcome.Silence.NOT_A_QUESTION);
        }
    }

    @Test
    void aStageThatProceedsOnceGetsTheRestsOutcome() {
        Decides last = new Decides();
        Stage once = (exchange, chain) -> chain.proceed(exchange);

        Outcome outcome = new StageChain(List.of(once, last)).proceed(Exchange.of(MESSAGE));

        assertInstanceOf(Outcome.Silent.class, outcome);
        assertEquals(1, last.runs.get());
    }

    @Test
    void theHeadServesEveryMessage() {
        Decides last = new Decides();
        StageChain head = new StageChain(List.of((exchange, chain) -> chain.proceed(exchange), last));

        head.proceed(Exchange.of(MESSAGE));
        head.proceed(Exchange.of(MESSAGE));

        assertEquals(2, last.runs.get());
    }

    @Test
    void aSecondProceedFromTheSameStageFailsLoudlyNamingTheStageAndTheRestRunsOnce() {
        Decides last = new Decides();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StageChain(List.of(new ProceedsTwice(), last)).proceed(Exchange.of(MESSAGE)));

        assertEquals("stage ProceedsTwice must call proceed at most once", e.getMessage());
        assertEquals(1, last.runs.get(), "the stages after it ran twice");
    }
}
