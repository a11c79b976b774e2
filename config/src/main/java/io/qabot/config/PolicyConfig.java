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
 */
public record PolicyConfig(Duration cooldown, int maxRepliesPerMinute) {
    public PolicyConfig {
        Objects.requireNonNull(cooldown, "cooldown");
    }
}
