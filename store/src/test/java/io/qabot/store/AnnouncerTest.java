package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.Announcer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintainers' chat hears of new and stale escalations and gets one summary a day, over a real store. */
class AnnouncerTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T00:00:00Z")); // 08:00 in Shanghai
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final List<OutboundMessage> posted = new ArrayList<>();

    @TempDir
    Path dataDir;
    Store store;
    Announcer announcer;

    @BeforeEach
    void open() {
        store = Store.open(dataDir, Optional.empty(), clock);
        announcer = new Announcer(store.escalations(), Platform.SLACK, "C-maintainers", message -> {
            posted.add(message);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofHours(24), Optional.of(LocalTime.of(9, 30)), SHANGHAI, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    long ask(String user, String question) {
        return store.escalations().enqueue(question,
                new Asker(Platform.WEBHOOK, "group-42", null, new Sender(user, user), "m-" + user, now.get()));
    }

    @Test
    void eachNewEscalationIsAnnouncedOnceWithItsIdAndHowToAnswer() {
        long id = ask("u1", "SOFAJRaft 支持跨机房部署吗？");

        assertEquals(1, announcer.announceDue());
        assertEquals(0, announcer.announceDue());

        OutboundMessage message = posted.get(0);
        assertEquals(Platform.SLACK, message.platform());
        assertEquals("C-maintainers", message.chat());
        assertTrue(message.text().startsWith("New question #" + id + " (1 asker in webhook group-42)"), message.text());
        assertTrue(message.text().contains("/answer " + id));
        assertTrue(message.isPost(), "replies to no message: " + message);
        assertTrue(message.replyTo().isEmpty() && message.mention().isEmpty(), message.toString());
        assertTrue(message.idempotencyKey().startsWith("announce-" + id + "-"), message.idempotencyKey());
    }

    @Test
    void anEscalationStillOpenAfterTheStaleAgeIsAnnouncedAgain() {
        long id = ask("u1", "SOFAJRaft 支持跨机房部署吗？");
        announcer.announceDue();
        now.set(now.get().plus(Duration.ofHours(23)));
        assertEquals(0, announcer.announceDue());

        now.set(now.get().plus(Duration.ofHours(2)));

        assertEquals(1, announcer.announceDue());
        assertTrue(posted.get(1).text().startsWith("Still unanswered since"), posted.get(1).text());
        assertTrue(posted.get(1).text().contains("#" + id));
    }

    @Test
    void theDailySummaryComesOnceADayAfterItsTime() {
        ask("u1", "SOFAJRaft 支持跨机房部署吗？");
        ask("u2", "sofa-rpc 的超时时间在哪里配置");
        ask("u3", "SOFAJRaft 支持跨机房部署吗？");

        assertFalse(announcer.summarizeIfDue(), "08:00 in Shanghai is before 09:30");
        now.set(now.get().plus(Duration.ofHours(2)));
        assertTrue(announcer.summarizeIfDue());
        assertFalse(announcer.summarizeIfDue(), "once a day");
        now.set(now.get().plus(Duration.ofDays(1)));
        assertTrue(announcer.summarizeIfDue());

        assertEquals(2, posted.size());
        assertTrue(posted.get(0).text().startsWith("Daily summary: 2 open questions."), posted.get(0).text());
        assertTrue(posted.get(0).text().contains(" (2 asking, "), "how many asked each: " + posted.get(0).text());
        assertTrue(posted.get(0).isPost(), posted.get(0).toString());
        assertTrue(posted.get(0).idempotencyKey().startsWith("summary-"), posted.get(0).idempotencyKey());
    }

    @Test
    void remembersWhereEachAnnouncementWasPostedWhenThePlatformSaysIt() {
        List<String> ids = new ArrayList<>();
        Announcer telling = new Announcer(store.escalations(), Platform.SLACK, "C-maintainers",
                io.qabot.core.ChatSender.posting(message -> {
                    ids.add("1700000000." + ids.size());
                    return CompletableFuture.completedFuture(Optional.of(ids.get(ids.size() - 1)));
                }), Duration.ofHours(24), Optional.empty(), SHANGHAI, clock);
        long id = ask("u1", "SOFAJRaft 支持跨机房部署吗？");

        telling.announceDue();
        now.set(now.get().plus(Duration.ofHours(25)));
        telling.announceDue();

        assertEquals(2, ids.size());
        assertEquals(Optional.of(id), store.escalations().announcedBy(ids.get(0)), "the first announcement's thread");
        assertEquals(Optional.of(id), store.escalations().announcedBy(ids.get(1)), "the stale reminder's thread");
        assertEquals(Optional.empty(), store.escalations().announcedBy("1700000000.9"));
    }

    @Test
    void aPlatformThatSaysNoIdLeavesNothingToAnswerInThread() {
        ask("u1", "SOFAJRaft 支持跨机房部署吗？");

        assertEquals(1, announcer.announceDue());

        assertEquals(Optional.empty(), store.escalations().announcedBy(""));
    }
}
