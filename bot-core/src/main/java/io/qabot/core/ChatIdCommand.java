package io.qabot.core;

import io.qabot.core.reply.Addressee;
import io.qabot.core.reply.Answer;
import io.qabot.core.reply.ReplyRenderer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chat id}, said to the bot in any chat (addressing it, in any mode, {@code off} too):
 * the bot answers with the chat's platform, id and mode as a line to paste under {@code chats:}
 * or {@code escalation.maintainersChat}, so nobody has to read raw platform events to configure
 * a chat. Not on the generic webhook, whose bridge names its chats itself.
 */
public final class ChatIdCommand implements ChatCommands {
    private static final Logger log = LoggerFactory.getLogger(ChatIdCommand.class);
    private static final Pattern CHAT_ID = Pattern.compile("^/?chat[ _-]?id[?？!！.。]*$");

    private final ChatPolicy modes;
    private final ChatSender sender;
    private final Map<Platform, ReplyRenderer> renderers = new EnumMap<>(Platform.class);

    public ChatIdCommand(ChatPolicy modes, ChatSender sender) {
        this.modes = Objects.requireNonNull(modes, "modes");
        this.sender = Objects.requireNonNull(sender, "sender");
        for (Platform platform : Platform.values()) {
            renderers.put(platform, ReplyRenderer.of(platform.dialect(), platform.maxReplyChars()));
        }
    }

    @Override
    public boolean handle(ChatMessage message) {
        if (!message.mentioned() || message.platform() == Platform.WEBHOOK
                || !CHAT_ID.matcher(message.text().strip().toLowerCase(Locale.ROOT)).matches()) {
            return false;
        }
        String platform = message.platform().wireName();
        String mode = modes.modeOf(message.platform(), message.chat()).name().toLowerCase(Locale.ROOT);
        String markdown = "This chat is " + platform + " `" + message.chat() + "` (mode " + mode + ")"
                + (message.thread() == null ? "" : ", thread `" + message.thread() + "`")
                + ". To configure it:\n\n```\nchats:\n  - {platform: " + platform + ", chat: \"" + message.chat()
                + "\", mode: " + mode + "}\n```";
        Sender asker = message.sender();
        String text = renderers.get(message.platform()).render(new Answer(markdown, List.of(), null),
                new Addressee(asker.id(), asker.name()));
        CompletableFuture<Optional<String>> posted = sender.post(new OutboundMessage(message.platform(), message.chat(),
                message.platform().threads() ? message.thread() : null, message.messageId(), asker, text,
                OutboundMessage.Author.BOT));
        posted.whenComplete((id, failure) -> {
            if (failure != null) {
                log.warn("could not tell {} the id of chat {}: {}", asker.id(), message.chat(), failure.toString());
            }
        });
        return true;
    }
}
