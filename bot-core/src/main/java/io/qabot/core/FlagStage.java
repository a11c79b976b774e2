package io.qabot.core;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.qabot.core.Outcome.Silence;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A reply to the bot's answer that says it is wrong ("不对", "wrong", 👎 …) is a flag, not a
 * question: it goes to the maintainers with the answer attached, whatever the chat's mode (a
 * member answering in the thread need not mention the bot). Flags, from messages and reactions
 * alike, are limited per chat at the chat's message rate, so a flood of them costs a bounded
 * amount of work and at most one notice per answer.
 */
final class FlagStage implements Stage {
    private final Feedback feedback;
    private final LoadingCache<ChatKey, TokenBucket> chats;

    FlagStage(Feedback feedback, Clock clock, Map<Platform, Rate> chatRates) {
        this.feedback = feedback;
        this.chats = Caffeine.newBuilder()
                .ticker(TimeSource.ticker(clock))
                .expireAfterAccess(Duration.ofHours(1))
                .build(chat -> new TokenBucket(chatRates.getOrDefault(chat.platform(), chat.platform().chatRate()), clock));
    }

    @Override
    public Outcome intercept(Exchange exchange, Chain chain) {
        ChatMessage message = exchange.message();
        Optional<String> about = feedback.wrongAbout(message);
        if (about.isEmpty()) {
            return chain.proceed(exchange);
        }
        if (!allowed(message.platform(), message.chat())) {
            return new Outcome.Silent(message, null, Silence.RATE_LIMITED);
        }
        return new Outcome.Flagged(message, feedback.flag(about.get(), message.platform(), message.chat(), FlagKind.WRONG,
                Asker.of(message)));
    }

    /** A reaction, through the same per-chat limit; empty when it is on no answer of the bot's or over the limit. */
    Optional<FlagReceipt> react(Reaction reaction) {
        Optional<PostedReply> reply = feedback.postedReply(reaction.platform(), reaction.chat(), reaction.postId());
        if (reply.isEmpty() || !allowed(reaction.platform(), reply.get().chat())) {
            return Optional.empty();
        }
        // the reacted-to post stands for the member's message: a later answer to them replies to it, in its thread
        Asker member = new Asker(reaction.platform(), reply.get().chat(), reply.get().thread(), reaction.member(),
                reaction.postId(), reaction.time());
        return Optional.of(feedback.flag(reply.get().replyId(), reaction.platform(), reply.get().chat(), reaction.kind(),
                member));
    }

    private boolean allowed(Platform platform, String chat) {
        return chats.get(new ChatKey(platform, chat)).tryAcquire();
    }
}
