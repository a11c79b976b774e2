package io.qabot.core.desk;

import io.qabot.core.ChatCommands;
import io.qabot.core.ChatMessage;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The maintainers' chat commands, heard only in the configured maintainers' chat (being in
 * that chat is what makes someone a maintainer here):
 * {@code /answer 42 text…} (links in the text become the answer's links), {@code /claim 42},
 * {@code /dismiss 42}. Each is acknowledged in the chat, refusals with their reason.
 *
 * <p>A reply in the thread of an escalation's announcement that addresses the bot is an
 * {@code /answer} to that escalation, where the platform told the announcement's message id
 * ({@link io.qabot.core.ChatSender#post}). Other talk in that thread is left alone: maintainers
 * discuss before they answer.
 */
public final class MaintainerCommands implements ChatCommands {
    private static final Pattern COMMAND =
            Pattern.compile("^/(answer|claim|dismiss)(?:@\\S+)?\\s+#?(\\d{1,18})\\b\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s)>\\]]+");

    private final MaintainerDesk desk;
    private final Platform platform;
    private final String chat;

    public MaintainerCommands(MaintainerDesk desk, Platform platform, String chat) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.chat = Objects.requireNonNull(chat, "chat");
    }

    @Override
    public Optional<OutboundMessage> handle(ChatMessage message) {
        if (message.platform() != platform || !message.chat().equals(chat)) {
            return Optional.empty();
        }
        Matcher command = COMMAND.matcher(message.text().strip());
        if (!command.matches()) {
            return answeredInThread(message);
        }
        long id = Long.parseLong(command.group(2));
        String rest = command.group(3).strip();
        String maintainer = message.sender().name();
        DeskResult<?> result = switch (command.group(1)) {
            case "answer" -> rest.isEmpty() ? null : desk.answer(id, new MaintainerAnswer(rest, links(rest), maintainer));
            case "claim" -> desk.claim(id, maintainer);
            default -> desk.dismiss(id, maintainer);
        };
        String ack = result == null ? "Usage: /answer " + id + " <the answer>"
                : result.done() ? acknowledgement(command.group(1), id)
                : "Could not " + command.group(1) + " #" + id + ": " + result.reason();
        return Optional.of(reply(message, ack));
    }

    /** A reply to the bot in an announcement's thread: the answer to the escalation announced there. */
    private Optional<OutboundMessage> answeredInThread(ChatMessage message) {
        String text = message.text().strip();
        if (message.thread() == null || !message.mentioned() || text.isEmpty() || text.startsWith("/")) {
            return Optional.empty();
        }
        Optional<Long> announced = desk.announcedBy(message.thread());
        if (announced.isEmpty()) {
            return Optional.empty();
        }
        long id = announced.get();
        DeskResult<?> result = desk.answer(id, new MaintainerAnswer(text, links(text), message.sender().name()));
        return Optional.of(reply(message,
                result.done() ? acknowledgement("answer", id) : "Could not answer #" + id + ": " + result.reason()));
    }

    private static String acknowledgement(String verb, long id) {
        return switch (verb) {
            case "answer" -> "Answered #" + id + ": the askers will get it, and the bot has learned it.";
            case "claim" -> "Claimed #" + id + ".";
            default -> "Dismissed #" + id + ".";
        };
    }

    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String url = link.group().replaceAll("[.,;:!?。，]+$", "");
            if (!links.contains(url)) {
                links.add(url);
            }
        }
        return links;
    }

    // plain words with no markup, into the command's own thread
    private OutboundMessage reply(ChatMessage message, String text) {
        return new OutboundMessage(platform, chat, message.thread(), message.messageId(),
                message.sender(), text, OutboundMessage.Author.BOT);
    }
}
