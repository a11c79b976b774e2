package io.qabot.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often the bot may speak, and how it hears and qualifies its own answers.
 *
 * @param cooldown the least time between two answers to the same user in the same chat
 *     (10 min; zero turns it off), so one person cannot make the bot flood a group
 * @param maxRepliesPerMinute the most replies per chat per minute (20, the limit DingTalk and
 *     WeCom robots enforce before they throttle the robot for ten minutes)
 * @param maxQuestionLength the most characters of a message the bot reads (2,000): a longer one
 *     is matched and stored on its first {@code maxQuestionLength} characters, marked as cut, so
 *     a pasted log cannot flood the queue, the topics and the stats
 * @param wrongWords what a reply to the bot's answer says when the answer is wrong ("不对",
 *     "wrong", "👎", …): such a reply flags the answer for the maintainers
 * @param answerAgeNotice an answer from a post older than this says when it was given
 *     ("answered in SOFA Weekly, 2019-11-01"); empty: never (default 18 months)
 */
public record PolicyConfig(Duration cooldown, int maxRepliesPerMinute, int maxQuestionLength, List<String> wrongWords,
                           Optional<Period> answerAgeNotice) {
    public static final int DEFAULT_MAX_QUESTION_LENGTH = 2_000;
    /** The wrong-answer phrases when none are configured. */
    public static final List<String> DEFAULT_WRONG_WORDS =
            List.of("不对", "错了", "没用", "答非所问", "wrong", "not helpful", "👎");
    public static final Period DEFAULT_ANSWER_AGE_NOTICE = Period.ofMonths(18);

    public PolicyConfig {
        Objects.requireNonNull(cooldown, "cooldown");
        wrongWords = List.copyOf(wrongWords);
        Objects.requireNonNull(answerAgeNotice, "answerAgeNotice");
    }

    /** The rates alone, with the default wrong-answer phrases and age notice. */
    public PolicyConfig(Duration cooldown, int maxRepliesPerMinute) {
        this(cooldown, maxRepliesPerMinute, DEFAULT_MAX_QUESTION_LENGTH, DEFAULT_WRONG_WORDS,
                Optional.of(DEFAULT_ANSWER_AGE_NOTICE));
    }
}
