package io.qabot.core;

import io.qabot.core.reply.Answer;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Old answers say so: an answer from a post older than {@code policy.answerAgeNotice} opens with
 * when it was given ("answered in SOFA Weekly, 2019-11-01"), so a reader can judge whether it still
 * holds. Maintainers' own answers are not posts and carry no notice.
 */
final class AnswerAge {
    static final AnswerAge NEVER = new AnswerAge(Clock.systemUTC(), Optional.empty());

    private final Clock clock;
    private final Optional<Period> after;

    AnswerAge(Clock clock, Optional<Period> after) {
        this.clock = clock;
        this.after = after;
    }

    /** {@code answer}, with the notice in front when its post is older than the limit. */
    Answer noted(Answer answer, Origin origin) {
        Source source = answer.source();
        if (after.isEmpty() || origin == Origin.MAINTAINER || source == null || source.date() == null) {
            return answer;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!source.date().isBefore(today.minus(after.get()))) {
            return answer;
        }
        return new Answer("(answered in " + publication(source) + ", " + source.date() + ")\n\n" + answer.markdown(),
                answer.links(), source);
    }

    /** "SOFA Weekly" of "SOFA Weekly | 每周精选【10/28 - 11/01】": the name before the issue's own title. */
    private static String publication(Source source) {
        String title = source.title().isBlank() ? source.file() : source.title();
        int bar = title.indexOf('|');
        return (bar > 0 ? title.substring(0, bar) : title).strip();
    }
}
