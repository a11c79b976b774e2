package io.qabot.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.qabot.core.Outcome.Silence;
import io.qabot.knowledge.Candidate;
import java.time.Clock;
import java.time.Duration;

/**
 * Someone who repeats a question gets its answer once per cooldown, not once per
 * repetition. Keyed by asker and answer, so their next, different question is answered.
 * The key is taken before the reply is made, so two copies arriving together still
 * produce one reply; it is released when no reply was made after all.
 */
final class CooldownStage implements Stage {
    private final Cache<Key, Boolean> recent;
    private final boolean off;

    /** @param cooldown zero for none: every repetition is answered */
    CooldownStage(Clock clock, Duration cooldown) {
        this.off = cooldown.isZero();
        this.recent = Caffeine.newBuilder()
                .ticker(TimeSource.ticker(clock))
                .expireAfterWrite(cooldown)
                .maximumSize(100_000)
                .build();
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        if (off) {
            return chain.proceed(exchange);
        }
        ChatMessage message = exchange.message();
        Candidate answer = exchange.requireVerdict("CooldownStage").best().orElseThrow();
        Key key = new Key(ChatKey.of(message), message.sender().id(), answer.item().id(), answer.turnIndex());
        if (recent.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            return new Outcome.Silent(message, exchange.verdict(), Silence.COOLDOWN);
        }
        Outcome outcome;
        try {
            outcome = chain.proceed(exchange);
        } catch (RuntimeException e) {
            recent.invalidate(key);
            throw e;
        }
        if (!(outcome instanceof Outcome.Replied)) {
            recent.invalidate(key);
        }
        return outcome;
    }

    private record Key(ChatKey chat, String sender, String item, int turn) {
    }
}
