package io.qabot.core;

import io.qabot.knowledge.Match;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline did with one message: replied, escalated, took it as a flag on an earlier
 * answer, or stayed silent for a stated reason. Connectors turn a {@link Replied} into a platform
 * post; the others post nothing.
 */
public sealed interface Outcome permits Outcome.Replied, Outcome.Escalated, Outcome.Flagged, Outcome.Silent {

    ChatMessage message();

    /** The matcher's verdict, absent when the message was silenced before matching. */
    Optional<Match> match();

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
    }

    /** The question went to the maintainers' queue as escalation {@code escalationId}. */
    record Escalated(ChatMessage message, Match verdict, long escalationId) implements Outcome {
        public Escalated {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(verdict, "verdict");
        }

        @Override
        public Optional<Match> match() {
            return Optional.of(verdict);
        }
    }

    /**
     * The message said the bot's answer {@code receipt.replyId()} was wrong: the flag went to the
     * maintainers (escalation {@code receipt.escalationId()}). Nothing is posted in reply to it;
     * the notice that the maintainers were asked goes out once per answer, separately.
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
    }

    /** Nothing is posted; {@code verdict} is null when the message never reached the matcher. */
    record Silent(ChatMessage message, Match verdict, Silence reason) implements Outcome {
        public Silent {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Match> match() {
            return Optional.ofNullable(verdict);
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
        /** A maintainer's command in the maintainers' chat ({@code /answer 42 …}); its own reply goes separately. */
        MAINTAINER_COMMAND;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
