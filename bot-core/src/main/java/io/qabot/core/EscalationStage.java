package io.qabot.core;

import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;

/** Hands questions the knowledge cannot answer to the maintainers' queue. */
final class EscalationStage implements Stage {
    private final EscalationQueue queue;

    EscalationStage(EscalationQueue queue) {
        this.queue = queue;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        Match verdict = exchange.requireVerdict("EscalationStage");
        if (verdict.decision() != Decision.ESCALATE) {
            return chain.proceed(exchange);
        }
        ChatMessage message = exchange.message();
        long id = queue.enqueue(message.text().strip(), Asker.of(message));
        return new Outcome.Escalated(message, verdict, id);
    }
}
