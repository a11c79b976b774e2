package io.qabot.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the bot may speak.
 *
 * @param cooldown the least time between two answers to the same user in the same chat
 *     (10 min; zero turns it off), so one person cannot make the bot flood a group
 * @param maxRepliesPerMinute the most replies per chat per minute (20, the limit DingTalk and
 *     WeCom robots enforce before they throttle the robot for ten minutes)
 * @param maxQuestionLength the most characters of a message the bot reads (2,000): a longer one
 *     is matched and stored on its first {@code maxQuestionLength} characters, marked as cut, so
 *     a pasted log cannot flood the queue, the topics and the stats
 */
public record PolicyConfig(Duration cooldown, int maxRepliesPerMinute, int maxQuestionLength) {
    public static final int DEFAULT_MAX_QUESTION_LENGTH = 2_000;

    public PolicyConfig {
        Objects.requireNonNull(cooldown, "cooldown");
    }
}
