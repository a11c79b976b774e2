package io.qabot.core;

/**
 * Commands typed into a chat rather than questions, such as a maintainer's {@code /answer 42 …}
 * in the maintainers' chat. Runs on the bot's executor before anything else looks at the
 * message, so it may touch storage; it decides itself which chats it listens to.
 */
@FunctionalInterface
public interface ChatCommands {
    /** Nothing is a command. */
    ChatCommands NONE = message -> false;

    /** Handles {@code message} and returns true when it was a command, false to let the bot treat it as usual. */
    boolean handle(ChatMessage message);

    /** These commands, then {@code next}'s for what these did not take. */
    default ChatCommands orElse(ChatCommands next) {
        return message -> handle(message) || next.handle(message);
    }
}
