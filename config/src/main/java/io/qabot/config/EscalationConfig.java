package io.qabot.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to questions the knowledge does not answer.
 *
 * @param maintainersChat where new escalations are announced; without it they only appear in
 *     the dashboard and {@code GET /api/v1/escalations}
 * @param staleAfter when an open escalation counts as stale and is announced again (24 h)
 * @param dailySummaryAt the local time of day for a summary of open escalations, if wanted
 * @param timeZone the zone of {@code dailySummaryAt}; empty means the server's zone, which the
 *     app resolves from its {@link java.time.Clock}
 * @param acknowledge whether an asker whose question goes to the maintainers hears so in their
 *     thread (true): where they addressed the bot and the chat is not {@code auto}, unless a
 *     chat's own {@code acknowledge} says otherwise
 * @param relatedPosts how many related posts (0-3, 3 by default) an acknowledgement may list when
 *     the knowledge came close but was not sure, marked as not the answer
 */
public record EscalationConfig(
        Optional<ChatRef> maintainersChat,
        Duration staleAfter,
        Optional<LocalTime> dailySummaryAt,
        Optional<ZoneId> timeZone,
        boolean acknowledge,
        int relatedPosts) {

    public EscalationConfig(Optional<ChatRef> maintainersChat, Duration staleAfter, Optional<LocalTime> dailySummaryAt,
                            Optional<ZoneId> timeZone) {
        this(maintainersChat, staleAfter, dailySummaryAt, timeZone, true, 3);
    }

    public EscalationConfig {
        Objects.requireNonNull(maintainersChat, "maintainersChat");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(dailySummaryAt, "dailySummaryAt");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
