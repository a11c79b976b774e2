package io.qabot.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Handles each delivery once. Platforms redeliver when an acknowledgement is slow (Feishu
 * up to hours later), so the first delivery's outcome is remembered, as a future, for the
 * TTL: a redelivery, even one arriving while the first is still being worked on, gets the
 * same outcome and no second reply. A delivery whose processing failed is forgotten so
 * the platform's retry can succeed.
 *
 * <p>What is remembered is the outcome without the message it was about, nor the message's text
 * as the matcher's question (the redelivery brings the message again, under the same id), under a
 * key of one exact string: the message's text, sender and time were most of each entry's memory
 * (the README's soak section has the figures).
 *
 * <p>At most {@link #CAPACITY} deliveries are remembered, the oldest forgotten first: the whole
 * TTL at up to 3.5 messages a second, the last 8 minutes at 200. Each costs about 300 bytes, so
 * this bound is about 30 MiB of heap at its fullest; at 200,000 the cache was most of the growth
 * that took the bot past 256 MiB of RSS in the hour-long soak.
 *
 * <p>The front door of the pipeline rather than a {@link Stage}: it runs on the caller's
 * thread and must not wait, so it deals in futures.
 */
final class DedupStage {
    static final int CAPACITY = 100_000;

    private final Cache<String, CompletableFuture<Function<ChatMessage, Outcome>>> seen;

    DedupStage(Clock clock, Duration ttl) {
        this.seen = Caffeine.newBuilder()
                .ticker(TimeSource.ticker(clock))
                .expireAfterWrite(ttl)
                .maximumSize(CAPACITY)
                .build();
    }

    CompletableFuture<Handled> handle(ChatMessage message, Supplier<CompletableFuture<Outcome>> firstDelivery) {
        String key = key(message);
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Function<ChatMessage, Outcome>> remembered = mine.thenApply(DedupStage::withoutMessage);
        CompletableFuture<Function<ChatMessage, Outcome>> first = seen.asMap().putIfAbsent(key, remembered);
        if (first != null) {
            return first.thenApply(outcome -> new Handled(outcome.apply(message), true));
        }
        CompletableFuture<Outcome> work;
        try {
            work = firstDelivery.get();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((outcome, failure) -> {
            if (failure != null) {
                seen.asMap().remove(key, remembered);
                mine.completeExceptionally(failure);
            } else {
                mine.complete(outcome);
            }
        });
        return mine.thenApply(outcome -> new Handled(outcome, false));
    }

    /**
     * Platform, chat and message id as one string, exactly (no hash, so two deliveries can never
     * be taken for one): the chat's length says where the chat ends and the message id begins.
     */
    private static String key(ChatMessage message) {
        return (char) message.platform().ordinal() + Integer.toString(message.chat().length()) + ':'
                + message.chat() + message.messageId();
    }

    /** The outcome for a message equal to the one it was about; captures only what is not in the message. */
    private static Function<ChatMessage, Outcome> withoutMessage(Outcome outcome) {
        Function<ChatMessage, Match> verdict = verdictWithoutQuestion(outcome);
        if (outcome instanceof Outcome.Replied replied) {
            Reply reply = replied.reply();
            return message -> new Outcome.Replied(message, verdict.apply(message), reply);
        }
        if (outcome instanceof Outcome.Escalated escalated) {
            long escalationId = escalated.escalationId();
            return message -> new Outcome.Escalated(message, verdict.apply(message), escalationId);
        }
        if (outcome instanceof Outcome.Flagged flagged) {
            FlagReceipt receipt = flagged.receipt();
            return message -> new Outcome.Flagged(message, receipt);
        }
        Outcome.Silence reason = ((Outcome.Silent) outcome).reason();
        return message -> new Outcome.Silent(message, verdict.apply(message), reason);
    }

    /** The matcher's verdict, whose question is the message's text (the text is most of its memory). */
    private static Function<ChatMessage, Match> verdictWithoutQuestion(Outcome outcome) {
        Match verdict = outcome.match().orElse(null);
        if (verdict == null) {
            return message -> null;
        }
        if (!verdict.question().equals(outcome.message().text())) {
            return message -> verdict;
        }
        Decision decision = verdict.decision();
        double confidence = verdict.confidence();
        List<Candidate> candidates = verdict.candidates();
        return message -> new Match(message.text(), decision, confidence, candidates);
    }
}
