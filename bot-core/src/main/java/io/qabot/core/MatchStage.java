package io.qabot.core;

import io.qabot.core.Outcome.Silence;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the knowledge, less what the maintainers ruled out for this question in this chat;
 * chatter ends here, questions go on with the verdict attached.
 */
final class MatchStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(MatchStage.class);

    private final QuestionMatcher matcher;
    private final Feedback feedback;

    MatchStage(QuestionMatcher matcher, Feedback feedback) {
        this.matcher = matcher;
        this.feedback = feedback;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        Match match = matcher.match(message.text());
        if (match == null) {
            throw new IllegalStateException("matcher " + matcher + " returned null for message " + message.messageId());
        }
        match = feedback.screen(match, message.platform(), message.chat());
        if (match.decision() == Decision.IGNORE) {
            return new Outcome.Silent(message, match, Silence.NOT_A_QUESTION);
        }
        if (match.decision() == Decision.ANSWER && match.best().isEmpty()) {
            // an answer with nothing to say is a matcher bug; the maintainers can still help the asker
            log.warn("matcher answered message {} without a candidate; escalating instead", message.messageId());
            match = new Match(match.question(), Decision.ESCALATE, match.confidence(), match.candidates());
        }
        return chain.proceed(exchange.withVerdict(match));
    }
}
