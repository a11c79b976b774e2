package io.qabot.core;

import io.qabot.knowledge.Match;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline did with one message: replied, escalated, took it as a flag on an earlier
 * answer, or stayed silent for a stated reason. Each says what, if anything, is to be posted in
 * reply ({@link #outbound()}): the answer, the acknowledgement of an escalation, the answer to a
 * maintainer's command. Connectors post it through their one sender ({@link Pipeline#deliver}).
 */
public sealed interface Outcome permits Outcome.Replied, Outcome.Escalated, Outcome.Flagged, Outcome.Silent {

    ChatMessage message();

    /** The matcher's verdict, absent when the message was silenced before matching. */
    Optional<Match> match();

    /** What to post in reply to the message; empty when nothing is to be said. */
    Optional<OutboundMessage> outbound();

    /** The bot answers the asker. */
    record Replied(ChatMessage message, Match verdict, Reply reply) implements Outcome {
        public Replied {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reply, "reply");
        }

        @Override
        public Optional<Match> match() {
            return Optional.of(verdict);
        }

        /** The answer, into the asker's thread, replying to their message; its idempotency key names the message. */
        @Override
        public Optional<OutboundMessage> outbound() {
            return Optional.of(new OutboundMessage(message.platform(), message.chat(), reply.thread(),
                    message.messageId(), reply.addressee(), reply.text(), OutboundMessage.Author.BOT,
                    "bot:" + message.messageId()));
        }
    }

    /**
     * The question went to the maintainers' queue as escalation {@code escalationId}; the asker
     * is told so by {@code acknowledgement} where their chat wants it (null: nothing is said).
     */
    record Escalated(ChatMessage message, Match verdict, long escalationId, OutboundMessage acknowledgement)
            implements Outcome {
        public Escalated {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(verdict, "verdict");
        }

        /** Escalated, nothing said (yet). */
        public Escalated(ChatMessage message, Match verdict, long escalationId) {
            this(message, verdict, escalationId, null);
        }

        /** This escalation, acknowledged to the asker by {@code message} (null: not acknowledged). */
        public Escalated acknowledged(OutboundMessage message) {
            return new Escalated(this.message, verdict, escalationId, message);
        }

        @Override
        public Optional<Match> match() {
            return Optional.of(verdict);
        }

        @Override
        public Optional<OutboundMessage> outbound() {
            return Optional.ofNullable(acknowledgement);
        }
    }

    /**
     * The message said the bot's answer {@code receipt.replyId()} was wrong: the flag went to the
     * maintainers (escalation {@code receipt.escalationId()}). The notice that the maintainers were
     * asked is said once per answer, on its first flag ({@code receipt.said()}).
     */
    record Flagged(ChatMessage message, FlagReceipt receipt) implements Outcome {
        public Flagged {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(receipt, "receipt");
        }

        @Override
        public Optional<Match> match() {
            return Optional.empty();
        }

        @Override
        public Optional<OutboundMessage> outbound() {
            return receipt.said();
        }
    }

    /**
     * No answer; {@code verdict} is null when the message never reached the matcher. {@code said}
     * is what the bot says instead, when anything (a maintainer's command is acknowledged), else null.
     */
    record Silent(ChatMessage message, Match verdict, Silence reason, OutboundMessage said) implements Outcome {
        public Silent {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reason, "reason");
        }

        /** Silent, and nothing said. */
        public Silent(ChatMessage message, Match verdict, Silence reason) {
            this(message, verdict, reason, null);
        }

        @Override
        public Optional<Match> match() {
            return Optional.ofNullable(verdict);
        }

        @Override
        public Optional<OutboundMessage> outbound() {
            return Optional.ofNullable(said);
        }
    }

    /** Why the bot stayed quiet. */
    enum Silence {
        /** The chat's mode is {@code off}. */
        CHAT_OFF,
        /** The chat is in {@code mention} mode and the message did not address the bot. */
        NOT_MENTIONED,
        /** The matcher found no question for the bot (greetings, thanks, chatter). */
        NOT_A_QUESTION,
        /** The same asker got the same answer moments ago. */
        COOLDOWN,
        /** Replying now would exceed the chat's or platform's outbound rate. */
        RATE_LIMITED,
        /** A chat command ({@code /answer 42 …} in the maintainers' chat, {@code chat id}); its acknowledgement is {@code said}. */
        MAINTAINER_COMMAND;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
