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
        String question = message.text().strip();
        if (exchange.cutFrom() > 0) {
            // the maintainers see that there was more, and how much; the asker's chat has the rest
            question += " … [cut: " + message.text().length() + " of " + exchange.cutFrom() + " characters]";
        }
        long id = queue.enqueue(question, Asker.of(message));
        return new Outcome.Escalated(message, verdict, id);
    }
}
