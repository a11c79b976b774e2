package io.qabot.core;

import io.qabot.core.Outcome.Silence;

/** Keeps the bot quiet where its chat mode says so, before any matching work is spent. */
final class ChatModeStage implements Stage {
    private final ChatPolicy policy;

    ChatModeStage(ChatPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        return switch (policy.modeOf(message.platform(), message.chat())) {
            case OFF -> new Outcome.Silent(message, null, Silence.CHAT_OFF);
            case MENTION -> message.mentioned()
                    ? chain.proceed(exchange)
                    : new Outcome.Silent(message, null, Silence.NOT_MENTIONED);
            case AUTO -> chain.proceed(exchange);
        };
    }
}
