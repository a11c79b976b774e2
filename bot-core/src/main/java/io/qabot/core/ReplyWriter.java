package io.qabot.core;

import io.qabot.core.reply.Addressee;
import io.qabot.core.reply.Answer;
import io.qabot.core.reply.ReplyRenderer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a reply to one asker, the one way every reply is written: the text rendered in the
 * asker's platform's dialect, within its length, addressed to the asker (never to a name from
 * the knowledge), into the asker's thread where the platform has threads, replying to the
 * asker's message. The bot's answers, acknowledgements and the maintainers' answers delivered
 * later all go through it. Immutable and thread-safe.
 *
 * <p>In {@code core}, not {@code core/reply}: it joins {@link Platform} and
 * {@link OutboundMessage} to the renderers, and {@code core/reply} stays a leaf that knows no
 * platform.
 */
public final class ReplyWriter {
    private final Map<Platform, ReplyRenderer> renderers = new EnumMap<>(Platform.class);

    public ReplyWriter() {
        for (Platform platform : Platform.values()) {
            renderers.put(platform, ReplyRenderer.of(platform.dialect(), platform.maxReplyChars()));
        }
    }

    /** The text of {@code answer} for {@code platform}, addressed to {@code asker}. */
    public String text(Platform platform, Answer answer, Sender asker) {
        return renderers.get(platform).render(answer, new Addressee(asker.id(), asker.name()));
    }

    /** {@code answer} in reply to {@code asked}, from {@code author}. */
    public OutboundMessage reply(ChatMessage asked, Answer answer, OutboundMessage.Author author, String idempotencyKey) {
        Objects.requireNonNull(asked, "asked");
        return reply(asked.platform(), asked.chat(), asked.thread(), asked.messageId(), asked.sender(), answer, author,
                idempotencyKey);
    }

    /** {@code answer} to someone who asked earlier (a maintainer's answer to an escalation). */
    public OutboundMessage reply(Asker asker, Answer answer, OutboundMessage.Author author, String idempotencyKey) {
        Objects.requireNonNull(asker, "asker");
        return reply(asker.platform(), asker.chat(), asker.thread(), asker.messageId(), asker.user(), answer, author,
                idempotencyKey);
    }

    /** A maintainer's answer to one of the askers of an escalation, in their chat and thread, in their platform's dialect. */
    public OutboundMessage answer(Asker asker, MaintainerAnswer answer, String idempotencyKey) {
        Objects.requireNonNull(answer, "answer");
        return reply(asker, new Answer(answer.answer(), answer.links(), null), OutboundMessage.Author.MAINTAINER,
                idempotencyKey);
    }

    private OutboundMessage reply(Platform platform, String chat, String thread, String messageId, Sender asker,
                                  Answer answer, OutboundMessage.Author author, String idempotencyKey) {
        return new OutboundMessage(platform, chat, threadOn(platform, thread), messageId, asker,
                text(platform, answer, asker), author, idempotencyKey);
    }

    /** The thread a reply goes into: the asker's where the platform has threads, else the chat itself (null). */
    public static String threadOn(Platform platform, String thread) {
        return platform.threads() ? thread : null;
    }
}
