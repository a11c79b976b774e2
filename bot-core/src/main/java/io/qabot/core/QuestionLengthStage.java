package io.qabot.core;

/**
 * Cuts a message longer than {@code policy.maxQuestionLength} to its first characters before
 * anything reads it: the matcher, the escalation queue and the question log see the cut text,
 * never the whole, so a pasted log or a 240 KB message cannot flood the queue, the topics and
 * the stats. The escalation says it was cut (see {@link EscalationStage}).
 */
final class QuestionLengthStage implements Stage {
    private final int max;

    QuestionLengthStage(int max) {
        this.max = max;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        String text = message.text();
        if (text.length() <= max) {
            return chain.proceed(exchange);
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max; // never half a character
        ChatMessage cut = new ChatMessage(message.platform(), message.chat(), message.thread(), message.messageId(),
                message.sender(), text.substring(0, end), message.mentioned(), message.time());
        return chain.proceed(exchange.cut(cut, text.length()));
    }
}
