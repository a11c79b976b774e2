package io.qabot.core;

import io.qabot.knowledge.Match;
import java.time.Duration;

/** Times each match and reports it with its verdict; the one place the match latency is measured. */
final class TimedMatcher implements QuestionMatcher {
    private final QuestionMatcher matcher;
    private final Telemetry telemetry;

    TimedMatcher(QuestionMatcher matcher, Telemetry telemetry) {
        this.matcher = matcher;
        this.telemetry = telemetry;
    }

    @Override
    public Match match(String question) {
        long start = System.nanoTime();
        Match match = matcher.match(question);
        if (match != null) {
            telemetry.matched(Duration.ofNanos(System.nanoTime() - start), match);
        }
        return match;
    }

    @Override
    public String toString() {
        return matcher.toString();
    }
}
