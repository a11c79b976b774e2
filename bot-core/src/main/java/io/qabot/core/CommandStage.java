package io.qabot.core;

import io.qabot.core.Outcome.Silence;

/** Lets chat commands through to their handler before the chat's mode or the matcher see them. */
final class CommandStage implements Stage {
    private final ChatCommands commands;

    CommandStage(ChatCommands commands) {
        this.commands = commands;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        if (message.text().stripLeading().startsWith("/") && commands.handle(message)) {
            return new Outcome.Silent(message, null, Silence.MAINTAINER_COMMAND);
        }
        return chain.proceed(exchange);
    }
}
