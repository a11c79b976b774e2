package io.qabot.core;

import io.qabot.core.reply.Answer;
import io.qabot.knowledge.Candidate;

/**
 * The last stage: writes the answer for the asker's platform, addressed to the asker (never
 * to a name from the knowledge) and in their thread where the platform has threads. Each reply
 * gets its {@code reply_id} and is remembered, so a member can flag it later.
 */
final class ReplyStage implements Stage {
    private final ReplyWriter writer = new ReplyWriter();
    private final Feedback feedback;
    private final AnswerAge age;

    ReplyStage(Feedback feedback, AnswerAge age) {
        this.feedback = feedback;
        this.age = age;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        Candidate best = exchange.requireVerdict("ReplyStage").best().orElseThrow();
        Sender asker = message.sender();
        String text = writer.text(message.platform(), age.noted(Answer.of(best), best.item().origin()), asker);
        String thread = ReplyWriter.threadOn(message.platform(), message.thread());
        String replyId = Reply.newId();
        Outcome.Replied replied = new Outcome.Replied(message, exchange.verdict(),
                new Reply(text, thread, asker, best, replyId));
        feedback.replied(replied);
        return replied;
    }
}
