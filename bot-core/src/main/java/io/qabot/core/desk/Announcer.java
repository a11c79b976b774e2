package io.qabot.core.desk;

import io.qabot.core.ChatSender;
import io.qabot.core.Escalation;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.reply.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the maintainers' chat what waits for them: one message per new escalation with its id
 * and how to answer it, the same again for one still open after {@code staleAfter}, and a daily
 * summary of the queue. Which instance announces what is settled by the store, so several
 * instances announce each escalation once.
 */
public final class Announcer {
    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    private static final int BATCH = 20;

    private final EscalationStore store;
    private final Platform platform;
    private final String chat;
    private final ChatSender sender;
    private final Duration staleAfter;
    private final Optional<LocalTime> summaryAt;
    private final ZoneId zone;
    private final Clock clock;

    public Announcer(EscalationStore store, Platform platform, String chat, ChatSender sender, Duration staleAfter,
                     Optional<LocalTime> summaryAt, ZoneId zone, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        this.summaryAt = Objects.requireNonNull(summaryAt, "summaryAt");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Announces the new and stale escalations; returns how many messages were posted. */
    public int announceDue() {
        Instant now = clock.instant();
        List<Announcement> due = store.takeAnnouncements(now, now.minus(staleAfter), BATCH);
        int posted = 0;
        for (Announcement announcement : due) {
            long id = announcement.escalation().id();
            Optional<Optional<String>> post = post("announce-" + id + "-" + now.toEpochMilli(),
                    text(announcement, platform.dialect()));
            if (post.isPresent()) {
                posted++;
                post.get().ifPresent(postId -> store.announcedAs(id, postId, now));
            }
        }
        return posted;
    }

    /** Posts the daily summary once the configured time of day has passed, once per day across instances. */
    public boolean summarizeIfDue() {
        if (summaryAt.isEmpty()) {
            return false;
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        if (now.toLocalTime().isBefore(summaryAt.get()) || !store.takeJob("daily-summary", now.toLocalDate().toString())) {
            return false;
        }
        // the counts only: the askers themselves (hundreds each on a busy day) are not in the summary
        List<ListedEscalation> open = store.listed(EnumSet.of(Escalation.Status.OPEN, Escalation.Status.CLAIMED), 500, 0);
        return post("summary-" + now.toLocalDate(), summary(open, now.toInstant(), platform.dialect())).isPresent();
    }

    /** For a scheduler: both jobs, with a failing store or chat logged rather than thrown. */
    public void tick() {
        try {
            announceDue();
            summarizeIfDue();
        } catch (RuntimeException e) {
            log.warn("announcing escalations failed; trying again at the next tick", e);
        }
    }

    /**
     * The announcement in the maintainers' {@code dialect}. What the asker wrote (the question,
     * the chat's name) goes through {@link Dialect#literal}, so it cannot ping the channel,
     * mention anyone or disguise a link there; the rest is ours and holds no markup characters.
     */
    static String text(Announcement announcement, Dialect dialect) {
        Escalation e = announcement.escalation();
        Instant oldest = e.created();
        String who = e.askers().size() == 1 ? "1 asker" : e.askers().size() + " askers";
        String where = e.askers().isEmpty() ? "" : " in " + e.askers().get(0).platform().wireName() + " "
                + dialect.literal(e.askers().get(0).chat());
        StringBuilder quoted = new StringBuilder();
        for (String line : e.question().strip().split("\n", -1)) {
            quoted.append("\n").append(dialect.quoted(line));
        }
        return (announcement.stale() ? "Still unanswered since " + oldest + ": #" : "New question #") + e.id()
                + " (" + who + where + "):" + quoted
                + "\nReply with /answer " + e.id() + " followed by the answer, or /dismiss " + e.id() + ".";
    }

    /** The daily summary in the maintainers' {@code dialect}, each question's words as {@link Dialect#literal}. */
    static String summary(List<ListedEscalation> open, Instant now, Dialect dialect) {
        if (open.isEmpty()) {
            return "Daily summary: no open questions.";
        }
        StringBuilder text = new StringBuilder("Daily summary: " + open.size() + " open question"
                + (open.size() == 1 ? "" : "s") + ".");
        for (ListedEscalation listed : open.stream().limit(20).toList()) {
            Escalation e = listed.escalation();
            long hours = Duration.between(e.created(), now).toHours();
            text.append("\n#").append(e.id()).append(" (").append(listed.askers()).append(" asking, ")
                    .append(hours).append(" h): ").append(dialect.literal(firstLine(e.question())));
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    /**
     * Posts into the maintainers' chat, replying to nothing; {@code key} is the idempotency key
     * only. Empty when it could not; otherwise the posted message's id where the platform told it.
     */
    private Optional<Optional<String>> post(String key, String text) {
        OutboundMessage message = OutboundMessage.post(platform, chat, null, text, OutboundMessage.Author.BOT, key);
        try {
            return Optional.of(sender.post(message).get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("could not post to the maintainers' chat {} {}: {}", platform.wireName(), chat, e.toString());
            return Optional.empty();
        }
    }
}
