package io.qabot.core.feedback;

import io.qabot.core.Asker;
import io.qabot.core.ChatMessage;
import io.qabot.core.Feedback;
import io.qabot.core.FlagKind;
import io.qabot.core.FlagReceipt;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Outcome;
import io.qabot.core.Platform;
import io.qabot.core.PostedReply;
import io.qabot.core.ReplyWriter;
import io.qabot.core.reply.Answer;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Match;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback over the store: remembers every reply, finds the answer a member's "不对" or 👎 is
 * about, records the flag, and says once in the answer's thread that the maintainers were asked.
 *
 * <p>Which answer a message is about: the one it replies to or quotes ({@link ChatMessage#replyTo()}),
 * else the bot's latest answer in the same thread within {@link #THREAD_WINDOW}, else (when the
 * message addresses the bot) its latest answer in the chat within {@link #CHAT_WINDOW}, which is
 * how "@bot 不对" right after an answer reads on platforms without threads. A message replying to
 * anyone else's message is no flag.
 */
public final class Flags implements Feedback {
    private static final Logger log = LoggerFactory.getLogger(Flags.class);
    /** How long after an answer a "wrong" in its thread still refers to it. */
    static final Duration THREAD_WINDOW = Duration.ofDays(7);
    /** How long after an answer "@bot 不对" in the chat (no thread) still refers to it. */
    static final Duration CHAT_WINDOW = Duration.ofMinutes(10);
    /** Said once per flagged answer, in its thread, addressed to the member who flagged it. */
    static final String NOTICE = "谢谢指出，已请维护者核实这个回答。Thanks, I've asked the maintainers to check this answer.";

    private final FeedbackStore store;
    private final Screen screen;
    private final WrongWords words;
    private final ReplyWriter writer = new ReplyWriter();
    private final Clock clock;

    /** The "I've asked the maintainers" notice is the flag's receipt's to say ({@link FlagReceipt#said()}). */
    public Flags(FeedbackStore store, Screen screen, WrongWords words, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Match screen(Match match, Platform platform, String chat) {
        return screen.screen(match, platform, chat);
    }

    @Override
    public void replied(Outcome.Replied replied) {
        ChatMessage message = replied.message();
        Candidate best = replied.reply().answer();
        try {
            store.remember(new AnsweredReply(replied.reply().replyId(), message.platform(), message.chat(),
                    replied.reply().thread(), message.sender(), message.messageId(), message.text().strip(),
                    best.item().id(), best.turnIndex(), best.turn().answer(), best.item().source(),
                    replied.verdict().confidence(), clock.instant()));
        } catch (RuntimeException e) {
            // the asker still gets the answer; only flagging it will not find it
            log.warn("could not remember reply {} in {}; it cannot be flagged: {}", replied.reply().replyId(),
                    message.chat(), e.toString());
        }
    }

    @Override
    public void posted(String replyId, String postId) {
        store.postedAs(replyId, postId);
    }

    @Override
    public Optional<String> wrongAbout(ChatMessage message) {
        if (!words.saysWrong(message.text())) {
            return Optional.empty();
        }
        try {
            return answerNamedBy(message);
        } catch (RuntimeException e) {
            // the message goes its usual way; a flag that cannot be looked up is not a reason to drop it
            log.warn("could not look up the answer {} in {} refers to: {}", message.messageId(), message.chat(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<String> answerNamedBy(ChatMessage message) {
        Platform platform = message.platform();
        if (message.replyTo() != null) {
            return store.reply(platform, message.chat(), message.replyTo()).map(AnsweredReply::replyId);
        }
        Instant now = clock.instant();
        Optional<AnsweredReply> inThread = message.thread() == null ? Optional.empty()
                : store.latest(platform, message.chat(), message.thread(), now.minus(THREAD_WINDOW));
        if (inThread.isEmpty() && message.mentioned()) {
            inThread = store.latest(platform, message.chat(), null, now.minus(CHAT_WINDOW));
        }
        return inThread.map(AnsweredReply::replyId);
    }

    @Override
    public Optional<PostedReply> postedReply(Platform platform, String chat, String postId) {
        return store.reply(platform, chat, postId).map(r -> new PostedReply(r.replyId(), r.chat(), r.thread()));
    }

    @Override
    public FlagReceipt flag(String replyId, Platform platform, String chat, FlagKind kind, Asker flagger) {
        Optional<AnsweredReply> found = store.reply(platform, chat, replyId);
        if (found.isEmpty()) {
            return FlagReceipt.notRecorded(replyId);
        }
        AnsweredReply reply = found.get();
        // a later answer to the flagger goes where the flagged answer is
        Asker where = flagger.thread() == null && reply.thread() != null
                ? new Asker(flagger.platform(), flagger.chat(), reply.thread(), flagger.user(), flagger.messageId(),
                        flagger.asked())
                : flagger;
        FlagReceipt receipt = store.flag(reply, kind, where);
        if (receipt.recorded() && kind == FlagKind.WRONG) {
            screen.changed();
            log.info("answer {} from {} flagged as wrong by {} in {}: escalation #{}", reply.replyId(), reply.itemId(),
                    flagger.user().id(), chat, receipt.escalationId().orElse(-1));
        }
        return receipt.firstWrong() ? receipt.saying(notice(reply, where)) : receipt;
    }

    // in the flagged answer's chat and thread, to the member who flagged it
    private OutboundMessage notice(AnsweredReply reply, Asker flagger) {
        Asker there = new Asker(reply.platform(), reply.chat(), reply.thread(), flagger.user(), flagger.messageId(),
                flagger.asked());
        return writer.reply(there, new Answer(NOTICE, List.of(), null), OutboundMessage.Author.BOT, "flag-" + reply.replyId());
    }
}
