package io.qabot.connectors.webhook;

import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Pipeline;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The webhook's inbound route as fuzz targets drive it: a fresh connector per input (so no
 * de-duplication or queue state carries over from one input to the next), a clock stopped at
 * {@link #NOW}, a direct executor and a matcher that answers 跨机房, ignores 谢谢 and escalates
 * the rest, and never throws.
 */
final class FuzzedWebhook {
    static final String SECRET = "fuzz-secret-密钥";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final OutboundClient CLIENT = new OutboundClient(OutboundOptions.defaults());

    private FuzzedWebhook() {
    }

    static Route route() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Pipeline pipeline = Pipeline.builder(FuzzedWebhook::match, new InMemoryEscalationQueue(clock), Runnable::run)
                .clock(clock)
                .policy(ChatPolicy.everywhere(ChatMode.MENTION))
                .build();
        return new WebhookConnector(WebhookOptions.of(SECRET, null), pipeline, CLIENT, clock).routes().get(0);
    }

    private static Match match(String question) {
        if (question.contains("跨机房")) {
            return new Match(question, Decision.ANSWER, 0.91, List.of(new Candidate(KeywordMatcher.JRAFT, 0, 17.2)));
        }
        if (question.strip().equals("谢谢")) {
            return new Match(question, Decision.IGNORE, 0, List.of());
        }
        return new Match(question, Decision.ESCALATE, 0.1, List.of());
    }
}
