package io.qabot.core;

import io.qabot.knowledge.Match;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message path from a chat message to its outcome. Thread-safe; one per process.
 *
 * <p>{@link #handle} returns at once: de-duplication happens on the caller's thread, the
 * stages (matching included) run on the executor given to the builder, so an I/O thread
 * can call it and attach a callback.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private final QuestionMatcher matcher;
    private final Executor executor;
    private final Telemetry telemetry;
    private final DedupStage dedup;
    private final StageChain stages;
    private final Acknowledgement acknowledgement;
    private final Feedback feedback;
    private final FlagStage flags;

    private Pipeline(Builder builder) {
        this.telemetry = builder.telemetry;
        this.matcher = new TimedMatcher(builder.matcher, builder.telemetry);
        this.executor = new MessageContext.Carrying(builder.executor);
        this.dedup = new DedupStage(builder.clock, builder.dedupTtl);
        this.feedback = builder.feedback;
        this.flags = new FlagStage(builder.feedback, builder.clock, builder.chatRates);
        this.stages = new StageChain(stages(builder, matcher, flags));
        this.acknowledgement = builder.acknowledgement;
    }

    /** The whole message path after de-duplication, in the order a message meets it. */
    private static List<Stage> stages(Builder b, QuestionMatcher matcher, FlagStage flags) {
        return List.of(
                new CommandStage(b.commands),                               // maintainers' /answer, /dismiss, /claim
                flags,                                                      // "不对" in reply to an answer: a flag
                new ChatModeStage(b.policy),                                // off, or not addressed in mention mode
                new QuestionLengthStage(b.maxQuestionLength),               // a pasted log is read on its first characters
                new MatchStage(matcher, b.feedback),                        // the knowledge's verdict, less what was ruled out
                new EscalationStage(b.escalations),                         // unknown questions go to the maintainers
                new CooldownStage(b.clock, b.cooldown),                     // one answer per asker per cooldown
                new RateLimitStage(b.clock, b.chatRates, b.platformRates),  // stay under the platforms' throttling
                new ReplyStage(b.feedback, new AnswerAge(b.clock, b.answerAgeNotice))); // write it for the platform and the asker
    }

    public static Builder builder(QuestionMatcher matcher, EscalationQueue escalations, Executor executor) {
        return new Builder(matcher, escalations, executor);
    }

    /**
     * Handles one delivery. The future fails only when a stage failed (a bug or the queue's
     * storage); a redelivery of a failed message is then handled afresh.
     */
    public CompletableFuture<Handled> handle(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        // the message's id is on every log line about it, on this thread and on the executor's
        try (MessageContext context = MessageContext.enter(message)) {
            return dedup.handle(message, () -> CompletableFuture.supplyAsync(() -> {
                Outcome outcome = stages.proceed(Exchange.of(message));
                telemetry.handled(outcome);
                if (outcome instanceof Outcome.Escalated escalated && acknowledgement != null) {
                    outcome = escalated.acknowledged(acknowledgement.of(escalated).orElse(null));
                }
                if (outcome instanceof Outcome.Flagged flagged && flagged.receipt().recorded()) {
                    telemetry.flagged(message.platform(), FlagKind.WRONG);
                }
                log.debug("message from {} in {}: {}", message.sender().id(), message.chat(), describe(outcome));
                return outcome;
            }, executor));
        }
    }

    /**
     * Posts what {@code handled} says to post, through {@code sender}, the connector's one way
     * out; nothing on a redelivery or when there is nothing to say. The id the platform gave a
     * posted answer is remembered, so reactions on it find it. The future fails when the post did.
     */
    public CompletableFuture<Void> deliver(Handled handled, ChatSender sender) {
        Objects.requireNonNull(handled, "handled");
        Objects.requireNonNull(sender, "sender");
        Optional<OutboundMessage> outbound = handled.outbound();
        if (outbound.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.post(outbound.get()).thenAccept(posted -> {
            if (handled.outcome() instanceof Outcome.Replied replied) {
                posted.ifPresent(postId -> posted(replied, postId));
            }
        });
    }

    /**
     * Handles a member's reaction on a message: 👎 or 👍 on one of the bot's answers becomes a
     * flag; on anyone else's message it is ignored (empty), as is one over the chat's flag rate.
     * The notice of an answer's first wrong flag is posted through {@code sender}, the connector's.
     */
    public CompletableFuture<Optional<FlagReceipt>> react(Reaction reaction, ChatSender sender) {
        Objects.requireNonNull(reaction, "reaction");
        Objects.requireNonNull(sender, "sender");
        return CompletableFuture.supplyAsync(() -> {
            Optional<FlagReceipt> receipt = flags.react(reaction);
            if (receipt.filter(FlagReceipt::recorded).isPresent()) {
                telemetry.flagged(reaction.platform(), reaction.kind());
            }
            return receipt;
        }, executor).thenCompose(receipt -> {
            Optional<OutboundMessage> notice = receipt.flatMap(FlagReceipt::said);
            return notice.isEmpty() ? CompletableFuture.completedFuture(receipt)
                    : sender.post(notice.get()).thenApply(posted -> receipt);
        });
    }

    /**
     * Tells that the reply of {@code replied} was posted as the platform's message {@code postId}
     * (Slack's {@code ts}, a Telegram message id), so reactions on that message find it. Connectors
     * call it once the platform answered; it returns at once, the store is written on the executor.
     */
    public void posted(Outcome.Replied replied, String postId) {
        Objects.requireNonNull(replied, "replied");
        if (postId == null || postId.isBlank()) {
            return;
        }
        CompletableFuture.runAsync(() -> feedback.posted(replied.reply().replyId(), postId), executor)
                .exceptionally(failure -> {
                    log.warn("could not record that reply {} was posted as {}", replied.reply().replyId(), postId, failure);
                    return null;
                });
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Flagged flagged) {
            return "flagged answer " + flagged.receipt().replyId()
                    + (flagged.receipt().recorded() ? "" : " (already flagged by this member)");
        }
        String verdict = outcome.match().map(m -> " (" + m.decision().name().toLowerCase(java.util.Locale.ROOT)
                + String.format(java.util.Locale.ROOT, ", confidence %.2f)", m.confidence())).orElse("");
        if (outcome instanceof Outcome.Escalated escalated) {
            return "escalated as #" + escalated.escalationId() + verdict;
        }
        return (outcome instanceof Outcome.Silent silent ? "silent, " + silent.reason().wireName() : "replied") + verdict;
    }

    /** Matches one question on the bot's executor, outside any chat: {@code /api/v1/ask} and the CLI. */
    public CompletableFuture<Match> match(String question) {
        Objects.requireNonNull(question, "question");
        return CompletableFuture.supplyAsync(() -> feedback.screen(matcher.match(question), null, null), executor);
    }

    /** Settings with working defaults; setters reject bad values naming them. */
    public static final class Builder {
        private final QuestionMatcher matcher;
        private final EscalationQueue escalations;
        private final Executor executor;
        private Clock clock = Clock.systemUTC();
        private ChatPolicy policy = ChatPolicy.everywhere(ChatMode.MENTION);
        private ChatCommands commands = ChatCommands.NONE;
        private Telemetry telemetry = Telemetry.NONE;
        private Feedback feedback = Feedback.NONE;
        private Optional<java.time.Period> answerAgeNotice = Optional.empty();
        private Duration dedupTtl = Duration.ofHours(8);
        private Duration cooldown = Duration.ofMinutes(10);
        private int maxQuestionLength = 2_000;
        private Acknowledgement acknowledgement;
        private final Map<Platform, Rate> chatRates = new EnumMap<>(Platform.class);
        private final Map<Platform, Rate> platformRates = new EnumMap<>(Platform.class);

        private Builder(QuestionMatcher matcher, EscalationQueue escalations, Executor executor) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
            this.escalations = Objects.requireNonNull(escalations, "escalations");
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder policy(ChatPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** What maintainers can type in their chat; none by default. */
        public Builder commands(ChatCommands commands) {
            this.commands = Objects.requireNonNull(commands, "commands");
            return this;
        }

        /** Where the message path reports its counts and timings; nowhere by default. */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
            return this;
        }

        /** Where replies are remembered and flags go, and what screens the matcher's verdicts; nowhere by default. */
        public Builder feedback(Feedback feedback) {
            this.feedback = Objects.requireNonNull(feedback, "feedback");
            return this;
        }

        /** Answers from posts older than this say when they were given; empty (the default here): never. */
        public Builder answerAgeNotice(Optional<java.time.Period> age) {
            this.answerAgeNotice = Objects.requireNonNull(age, "age");
            return this;
        }

        /** How long a delivery id is remembered; Feishu redelivers up to ~7.1 h later, hence 8 h by default. */
        public Builder dedupTtl(Duration ttl) {
            this.dedupTtl = positive(ttl, "dedupTtl");
            return this;
        }

        /** The least time between two answers to one asker with the same answer; zero for none. */
        public Builder cooldown(Duration cooldown) {
            Objects.requireNonNull(cooldown, "cooldown");
            if (cooldown.isNegative()) {
                throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
            }
            this.cooldown = cooldown;
            return this;
        }

        /** The most characters of a message that are matched and stored; the rest is cut (2,000 by default). */
        public Builder maxQuestionLength(int characters) {
            if (characters < 2) {
                throw new IllegalArgumentException("maxQuestionLength must be at least 2: " + characters);
            }
            this.maxQuestionLength = characters;
            return this;
        }

        /** Tells escalated askers so (the escalation's {@link Outcome#outbound()}), where {@code acknowledgement} says; no one by default. */
        public Builder acknowledge(Acknowledgement acknowledgement) {
            this.acknowledgement = Objects.requireNonNull(acknowledgement, "acknowledgement");
            return this;
        }

        public Builder chatRate(Platform platform, Rate rate) {
            chatRates.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(rate, "rate"));
            return this;
        }

        public Builder platformRate(Platform platform, Rate rate) {
            platformRates.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(rate, "rate"));
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
