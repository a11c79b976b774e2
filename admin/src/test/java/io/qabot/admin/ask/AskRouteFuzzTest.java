package io.qabot.admin.ask;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.core.Pipeline;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Any body to {@code POST /api/v1/ask}: the ask object, or a 400 naming what the body lacks.
 * Seeds in {@code AskRouteFuzzTestInputs/anyAskBodyIsAnsweredOrRefusedWithAReason/}.
 */
class AskRouteFuzzTest {
    private static final AskRoute ROUTE = new AskRoute(Pipeline.builder(
            question -> question.contains("跨机房")
                    ? new Match(question, Decision.ANSWER, 0.91, List.of(new Candidate(KeywordMatcher.JRAFT, 0, 17.2)))
                    : new Match(question, Decision.ESCALATE, 0.1, List.of()),
            new InMemoryEscalationQueue(Clock.systemUTC()), Runnable::run).build());

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyAskBodyIsAnsweredOrRefusedWithAReason(byte[] body) {
        var headers = FuzzRequests.with(FuzzRequests.headers(), "Content-Type", "application/json");
        RouteContract.answersOrRefusesWithAReason(ROUTE, FuzzRequests.post("/api/v1/ask", headers, body));
    }
}
