package io.qabot.core;

import io.qabot.core.reply.Answer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code chat id}, said to the bot in any chat (addressing it, in any mode, {@code off} too):
 * the bot answers with the chat's platform, id and mode as a line to paste under {@code chats:}
 * or {@code escalation.maintainersChat}, so nobody has to read raw platform events to configure
 * a chat. Not on the generic webhook, whose bridge names its chats itself.
 */
public final class ChatIdCommand implements ChatCommands {
    private static final Pattern CHAT_ID = Pattern.compile("^/?chat[ _-]?id[?？!！.。]*$");

    private final ChatPolicy modes;
    private final ReplyWriter writer = new ReplyWriter();

    public ChatIdCommand(ChatPolicy modes) {
        this.modes = Objects.requireNonNull(modes, "modes");
    }

    @Override
    public Optional<OutboundMessage> handle(ChatMessage message) {
        if (!message.mentioned() || message.platform() == Platform.WEBHOOK
                || !CHAT_ID.matcher(message.text().strip().toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        String platform = message.platform().wireName();
        String mode = modes.modeOf(message.platform(), message.chat()).name().toLowerCase(Locale.ROOT);
        String markdown = "This chat is " + platform + " `" + message.chat() + "` (mode " + mode + ")"
                + (message.thread() == null ? "" : ", thread `" + message.thread() + "`")
                + ". To configure it:\n\n```\nchats:\n  - {platform: " + platform + ", chat: \"" + message.chat()
                + "\", mode: " + mode + "}\n```";
        return Optional.of(writer.reply(message, new Answer(markdown, List.of(), null), OutboundMessage.Author.BOT, null));
    }
}
