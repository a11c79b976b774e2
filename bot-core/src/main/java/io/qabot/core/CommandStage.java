package io.qabot.core;

import io.qabot.core.Outcome.Silence;

/**
 * Lets chat commands (a maintainer's {@code /answer 42 …}, or an answer in an announcement's
 * thread) through to their handler before the chat's mode or the matcher see them. The handler
 * decides which chats it listens to, and looks nothing up for a message outside them.
 */
final class CommandStage implements Stage {
    private final ChatCommands commands;

    CommandStage(ChatCommands commands) {
        this.commands = commands;
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        return commands.handle(message)
                .<Outcome>map(answer -> new Outcome.Silent(message, null, Silence.MAINTAINER_COMMAND, answer))
                .orElseGet(() -> chain.proceed(exchange));
    }
}
