package io.qabot.core;

import java.util.Optional;

/**
 * Commands typed into a chat rather than questions, such as a maintainer's {@code /answer 42 …}
 * in the maintainers' chat. Runs on the bot's executor before anything else looks at the
 * message, so it may touch storage; it decides itself which chats it listens to.
 */
@FunctionalInterface
public interface ChatCommands {
    /** Nothing is a command. */
    ChatCommands NONE = message -> Optional.empty();

    /**
     * Handles {@code message} when it is a command and returns the bot's answer to it (posted by
     * the connector, like any reply); empty to let the bot treat the message as usual.
     */
    Optional<OutboundMessage> handle(ChatMessage message);

    /** These commands, then {@code next}'s for what these did not take. */
    default ChatCommands orElse(ChatCommands next) {
        return message -> handle(message).or(() -> next.handle(message));
    }
}
