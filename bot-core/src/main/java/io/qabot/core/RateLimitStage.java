package io.qabot.core;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.qabot.core.Outcome.Silence;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps replies under each chat's and each platform's outbound rate. Over the limit the
 * bot skips the reply rather than queueing it: DingTalk, for one, silences a robot for ten
 * minutes once it exceeds 20 messages a minute, which would cost every chat its answers.
 */
final class RateLimitStage implements Stage {
    private final Map<Platform, TokenBucket> platforms = new EnumMap<>(Platform.class);
    private final LoadingCache<ChatKey, TokenBucket> chats;

    RateLimitStage(Clock clock, Map<Platform, Rate> chatRates, Map<Platform, Rate> platformRates) {
        for (Platform platform : Platform.values()) {
            platforms.put(platform, new TokenBucket(platformRates.getOrDefault(platform, platform.platformRate()), clock));
        }
        this.chats = Caffeine.newBuilder()
                .ticker(TimeSource.ticker(clock))
                // an idle chat's bucket would be full again anyway: forgetting it loses nothing
                .expireAfterAccess(Duration.ofHours(1))
                .build(chat -> new TokenBucket(chatRates.getOrDefault(chat.platform(), chat.platform().chatRate()), clock));
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        TokenBucket chat = chats.get(ChatKey.of(message));
        if (!chat.tryAcquire()) {
            return new Outcome.Silent(message, exchange.verdict(), Silence.RATE_LIMITED);
        }
        if (!platforms.get(message.platform()).tryAcquire()) {
            chat.refund();
            return new Outcome.Silent(message, exchange.verdict(), Silence.RATE_LIMITED);
        }
        return chain.proceed(exchange);
    }
}
