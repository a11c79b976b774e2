package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Escalation.Status;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.Announcement;
import io.qabot.core.desk.Delivery;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.ListedEscalation;
import io.qabot.core.desk.MaintainerDesk;
import io.qabot.core.desk.PendingDelivery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every database behind the store must do; run once on H2 and once on PostgreSQL. */
abstract class EscalationStoreContract {
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @TempDir
    Path dataDir;
    Store store;

    /** The database URL to test, or empty for the embedded default under {@code dataDir}. */
    abstract Optional<String> url();

    @BeforeEach
    void open() {
        store = Store.open(dataDir, url(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    Asker asker(String user, String message) {
        return new Asker(Platform.WEBHOOK, "group-42", "t-" + user, new Sender(user, "Name " + user), message, now.get());
    }

    static final MaintainerAnswer ANSWER = new MaintainerAnswer("跨机房不需要特殊支持，只是网络延时大一点。",
            List.of("https://github.com/sofastack/sofa-jraft"), "alice");

    @Test
    void aNewQuestionOpensAnEscalationThatKeepsWhereItWasAsked() {
        long id = store.escalations().enqueue("  SOFAJRaft 支持跨机房部署吗？ ", asker("u1", "m-1"));

        Escalation e = store.escalations().find(id).orElseThrow();
        assertEquals(Status.OPEN, e.status());
        assertEquals("SOFAJRaft 支持跨机房部署吗？", e.question());
        assertEquals(START, e.created());
        assertEquals(List.of(asker("u1", "m-1")), e.askers());
    }

    @Test
    void theSameQuestionFromSeveralMembersBecomesOneEscalationWithSeveralAskers() {
        long first = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        long second = store.escalations().enqueue("jraft 能不能跨机房部署？", asker("u2", "m-2"));
        long repeat = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗", asker("u1", "m-3"));
        long other = store.escalations().enqueue("sofa-rpc 的超时时间在哪里配置", asker("u3", "m-4"));

        assertEquals(first, second);
        assertEquals(first, repeat);
        assertNotEquals(first, other);
        assertEquals(List.of("u1", "u2"), store.escalations().find(first).orElseThrow().askers().stream()
                .map(a -> a.user().id()).toList(), "one asker repeating the question is listed once");
    }

    @Test
    void listsOpenEscalationsNewestFirstAndByStatus() {
        long older = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        advance(Duration.ofMinutes(1));
        long newer = store.escalations().enqueue("sofa-rpc 的超时时间在哪里配置", asker("u2", "m-2"));
        store.escalations().claim(older, "bob").orElseThrow();

        assertEquals(List.of(newer, older), ids(store.escalations().open()));
        assertEquals(List.of(older), ids(store.escalations().list(Optional.of(Status.CLAIMED), 10)));
        assertEquals(List.of(newer), ids(store.escalations().list(Optional.of(Status.OPEN), 10)));
    }

    /**
     * The maintainers' queue asks the database for the open ones: before, the admin API read the
     * newest 500 escalations of every status and kept the open ones, so an open question older
     * than 500 closed ones was not listed (and the soak's queue took up to a second to read).
     */
    @Test
    void anOpenQuestionBehindSixHundredClosedOnesIsStillInTheQueue() throws Exception {
        long waiting = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().claim(waiting, "bob").orElseThrow();
        advance(Duration.ofMinutes(1));
        long newest = store.escalations().enqueue("sofa-rpc 的超时时间在哪里配置", asker("u2", "m-2"));
        advance(Duration.ofMinutes(1));
        seed(600, 1, "dismissed");

        assertEquals(List.of(newest, waiting), ids(store.escalations().open(500)));
        assertEquals(List.of(newest), ids(store.escalations().open(1)), "newest first, at most the limit");
    }

    /** Ten open questions with 500 askers each, as the soak's: every asker listed, in the order they asked. */
    @Test
    void aQueueOfTenQuestionsWithFiveHundredAskersEachListsEveryAskerOfEach() throws Exception {
        List<Long> ids = seed(10, 500, "open");
        seed(5, 3, "answered");

        List<Escalation> queue = store.escalations().open(500);

        List<Long> newestFirst = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, ids(queue));
        for (Escalation e : queue) {
            assertEquals(seededAskers(e.id(), 500), e.askers(), "askers of " + e.id());
            assertEquals(e, store.escalations().find(e.id()).orElseThrow(), "the list shows what the escalation holds");
        }
        assertEquals(queue, store.escalations().list(Optional.of(Status.OPEN), 500));
    }

    /**
     * A list carries each escalation's first askers and how many asked: with 500 askers each, the
     * soak's queue of every status was megabytes. The first ones in the order they asked, the
     * count of all, and the full list still through {@code find}.
     */
    @Test
    void aListCarriesEachEscalationsFirstAskersAndHowManyAsked() throws Exception {
        List<Long> busy = seed(10, 500, "open");
        List<Long> quiet = seed(5, 3, "answered");

        List<ListedEscalation> all = store.escalations().listed(java.util.Set.of(), 500, MaintainerDesk.ASKERS_LISTED);

        List<Long> newestFirst = new java.util.ArrayList<>(busy);
        newestFirst.addAll(quiet);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, all.stream().map(l -> l.escalation().id()).toList());
        for (ListedEscalation l : all) {
            long id = l.escalation().id();
            int asked = busy.contains(id) ? 500 : 3;
            assertEquals(asked, l.askers(), "asker count of " + id);
            assertEquals(seededAskers(id, asked).subList(0, Math.min(asked, MaintainerDesk.ASKERS_LISTED)),
                    l.escalation().askers(), "the first askers of " + id);
            assertEquals(asked, store.escalations().find(id).orElseThrow().askers().size());
        }
        assertEquals(newestFirst.subList(0, 5), store.escalations().listed(java.util.Set.of(Status.ANSWERED), 500, 5).stream()
                .map(l -> l.escalation().id()).toList());
        assertEquals(newestFirst.subList(5, 8), store.escalations().listed(
                java.util.EnumSet.of(Status.OPEN, Status.CLAIMED), 3, 5).stream().map(l -> l.escalation().id()).toList());
        assertTrue(store.escalations().listed(java.util.Set.of(), 500, 0).stream()
                .allMatch(l -> l.escalation().askers().isEmpty() && l.askers() > 0), "a count alone");
    }

    /**
     * The list shows a few askers; the answer still goes to every one: askers joined through the
     * store (so the count is the one it keeps), more of them than a list carries.
     */
    @Test
    void anAnswerReachesEveryAskerOfAnEscalationWithMoreAskersThanAListCarries() {
        int askers = MaintainerDesk.ASKERS_LISTED + 3;
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u0", "m-0"));
        for (int a = 1; a < askers; a++) {
            advance(Duration.ofSeconds(1));
            assertEquals(id, store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u" + a, "m-" + a)));
        }
        store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-again")); // a repeat is not a new asker
        List<String> everyone = java.util.stream.IntStream.range(0, askers).mapToObj(a -> "u" + a).toList();

        ListedEscalation listed = store.escalations().listed(java.util.EnumSet.of(Status.OPEN, Status.CLAIMED), 500,
                MaintainerDesk.ASKERS_LISTED).get(0);
        assertEquals(askers, listed.askers());
        assertEquals(everyone.subList(0, MaintainerDesk.ASKERS_LISTED),
                listed.escalation().askers().stream().map(a -> a.user().id()).toList());
        assertTrue(listed.more());

        store.escalations().answer(id, ANSWER).orElseThrow();

        assertEquals(everyone, store.escalations().deliveries(id).stream().map(d -> d.asker().user().id()).toList());
        List<PendingDelivery> leased = store.outbox().lease("worker-a", now.get(), Duration.ofSeconds(30), 100);
        assertEquals(everyone, leased.stream().map(d -> d.delivery().asker().user().id()).sorted(
                java.util.Comparator.comparingInt(u -> Integer.parseInt(u.substring(1)))).toList(),
                "every asker's answer is due to be sent");
    }

    /** The asker rows {@link #seed} gives escalation {@code id}, in the order they were inserted. */
    List<Asker> seededAskers(long id, int askers) {
        List<Asker> out = new java.util.ArrayList<>();
        for (int a = 0; a < askers; a++) {
            out.add(new Asker(Platform.WEBHOOK, "chat-" + (a % 7), a % 2 == 0 ? null : "t-" + a,
                    new Sender("user-" + a, "User " + a), "m-" + id + "-" + a, START.plusSeconds(a)));
        }
        return out;
    }

    /**
     * {@code count} escalations with {@code status}, each newer than the last, with {@code askers}
     * askers each ({@link #seededAskers}), written straight into the tables ({@link EscalationRows}).
     * Returns their ids, oldest first.
     */
    List<Long> seed(int count, int askers, String status) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url().orElseGet(() -> Store.embeddedUrl(dataDir)))) {
            for (int e = 0; e < count; e++) {
                advance(Duration.ofSeconds(1));
                ids.add(EscalationRows.insert(c, "seeded question " + status + " " + e, status, now.get(),
                        id -> seededAskers(id, askers)));
            }
        }
        return ids;
    }

    @Test
    void claimingRecordsWhoAndKeepsItOpenForAnAnswer() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));

        Escalation claimed = store.escalations().claim(id, "bob").orElseThrow();

        assertEquals(Status.CLAIMED, claimed.status());
        assertEquals(Optional.of("bob"), claimed.claimedBy());
        assertTrue(store.escalations().answer(id, ANSWER).isPresent(), "a claimed escalation can be answered");
    }

    @Test
    void answeringStoresTheAnswerALearnedAnswerOneDeliveryPerAskerAndAnAuditRecord() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().enqueue("jraft 能不能跨机房部署？", asker("u2", "m-2"));
        long revision = store.learned().revision();
        advance(Duration.ofMinutes(5));

        Escalation answered = store.escalations().answer(id, ANSWER).orElseThrow();

        assertEquals(Status.ANSWERED, answered.status());
        assertEquals(Optional.of(ANSWER), answered.answer());
        assertEquals(Optional.of(now.get()), answered.closed());
        List<Delivery> deliveries = store.escalations().deliveries(id);
        assertEquals(List.of("u1", "u2"), deliveries.stream().map(d -> d.asker().user().id()).toList());
        assertTrue(deliveries.stream().allMatch(d -> d.state() == Delivery.State.PENDING));
        assertEquals(2, deliveries.stream().map(Delivery::idempotencyKey).distinct().count());
        LearnedAnswer learned = store.learned().learned(false).get(0);
        assertEquals("SOFAJRaft 支持跨机房部署吗？", learned.question());
        assertEquals(ANSWER.answer(), learned.answer());
        assertEquals(ANSWER.links(), learned.links());
        assertEquals("alice", learned.maintainer());
        assertTrue(store.learned().revision() > revision, "other instances learn of it by the revision");
        assertEquals("answer", store.learned().audit(10).stream().filter(a -> a.subject().equals("escalation/" + id))
                .findFirst().orElseThrow().action());
    }

    @Test
    void anEscalationIsAnsweredOnlyOnce() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().answer(id, ANSWER).orElseThrow();

        assertTrue(store.escalations().answer(id, ANSWER).isEmpty());
        assertTrue(store.escalations().dismiss(id, "bob").isEmpty());
        assertEquals(1, store.escalations().deliveries(id).size());
        assertEquals(1, store.learned().learned(true).size());
    }

    @Test
    void dismissingClosesWithoutAnswerOrDelivery() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));

        assertEquals(Status.DISMISSED, store.escalations().dismiss(id, "bob").orElseThrow().status());
        assertTrue(store.escalations().deliveries(id).isEmpty());
        assertTrue(store.learned().learned(true).isEmpty());
        long again = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-2"));
        assertNotEquals(id, again, "a question asked after its escalation closed opens a new one");
    }

    @Test
    void unknownIdsChangeNothing() {
        assertTrue(store.escalations().claim(999, "bob").isEmpty());
        assertTrue(store.escalations().answer(999, ANSWER).isEmpty());
        assertTrue(store.escalations().dismiss(999, "bob").isEmpty());
        assertTrue(store.learned().audit(10).isEmpty());
    }

    @Test
    void aLeasedDeliveryBelongsToOneWorkerUntilItsLeaseExpires() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().answer(id, ANSWER).orElseThrow();

        List<PendingDelivery> a = store.outbox().lease("worker-a", now.get(), Duration.ofSeconds(30), 10);
        List<PendingDelivery> b = store.outbox().lease("worker-b", now.get(), Duration.ofSeconds(30), 10);
        advance(Duration.ofSeconds(31));
        List<PendingDelivery> afterExpiry = store.outbox().lease("worker-b", now.get(), Duration.ofSeconds(30), 10);

        assertEquals(1, a.size());
        assertEquals(ANSWER, a.get(0).answer());
        assertEquals("SOFAJRaft 支持跨机房部署吗？", a.get(0).question());
        assertTrue(b.isEmpty(), "a held lease is not given to another worker");
        assertEquals(1, afterExpiry.size(), "a worker that died is replaced once its lease expires");
        assertFalse(store.outbox().sent(a.get(0).delivery().id(), "worker-a", now.get()),
                "the worker that lost its lease cannot record the delivery");
    }

    @Test
    void aSentDeliveryIsNeverLeasedAgain() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().answer(id, ANSWER).orElseThrow();
        PendingDelivery leased = store.outbox().lease("w", now.get(), Duration.ofSeconds(30), 10).get(0);

        assertTrue(store.outbox().sent(leased.delivery().id(), "w", now.get()));
        advance(Duration.ofHours(1));

        assertTrue(store.outbox().lease("w", now.get(), Duration.ofSeconds(30), 10).isEmpty());
        Delivery sent = store.escalations().deliveries(id).get(0);
        assertEquals(Delivery.State.SENT, sent.state());
        assertEquals(Optional.of(now.get().minus(Duration.ofHours(1))), sent.delivered());
    }

    @Test
    void aFailedDeliveryWaitsForItsRetryTimeAndIsGivenUpWhenTold() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().answer(id, ANSWER).orElseThrow();
        PendingDelivery leased = store.outbox().lease("w", now.get(), Duration.ofSeconds(30), 10).get(0);
        store.outbox().failed(leased.delivery().id(), "w", "503 from the platform", Optional.of(now.get().plusSeconds(4)));

        assertTrue(store.outbox().lease("w", now.get().plusSeconds(3), Duration.ofSeconds(30), 10).isEmpty());
        PendingDelivery retried = store.outbox().lease("w", now.get().plusSeconds(4), Duration.ofSeconds(30), 10).get(0);
        assertEquals(1, retried.delivery().attempts());
        assertEquals(Optional.of("503 from the platform"), retried.delivery().lastError());

        store.outbox().failed(retried.delivery().id(), "w", "still 503", Optional.empty());
        assertEquals(Delivery.State.FAILED, store.escalations().deliveries(id).get(0).state());
        assertTrue(store.outbox().lease("w", now.get().plusSeconds(3600), Duration.ofSeconds(30), 10).isEmpty());
    }

    @Test
    void editingAndRetractingALearnedAnswerAreAuditedAndMoveTheRevision() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().answer(id, ANSWER).orElseThrow();
        long learnedId = store.learned().learned(false).get(0).id();
        long afterAnswer = store.learned().revision();

        LearnedAnswer edited = store.learned().edit(learnedId, null,
                new MaintainerAnswer("支持，延时会高一些。", List.of(), "carol")).orElseThrow();
        long afterEdit = store.learned().revision();
        store.learned().retract(learnedId, "dave").orElseThrow();

        assertEquals("支持，延时会高一些。", edited.answer());
        assertEquals("SOFAJRaft 支持跨机房部署吗？", edited.question(), "the question stays unless replaced");
        assertTrue(afterEdit > afterAnswer && store.learned().revision() > afterEdit);
        assertTrue(store.learned().learned(false).isEmpty(), "a retracted answer leaves the knowledge");
        assertTrue(store.learned().learned(true).get(0).retracted());
        assertTrue(store.learned().retract(learnedId, "dave").isEmpty(), "retracting twice changes nothing");
        assertEquals(List.of("retract/dave", "edit/carol", "learn/alice", "answer/alice"),
                store.learned().audit(10).stream().map(a -> a.action() + "/" + a.actor()).toList());
    }

    @Test
    void learnedAnswersSinceADateAreListedOldestFirst() {
        long first = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        long second = store.escalations().enqueue("sofa-rpc 的超时时间在哪里配置", asker("u2", "m-2"));
        store.escalations().answer(first, ANSWER).orElseThrow();
        advance(Duration.ofDays(2));
        store.escalations().answer(second, new MaintainerAnswer("在 @SofaReference 的 timeout 属性里。", List.of(), "bob"))
                .orElseThrow();

        assertEquals(List.of("sofa-rpc 的超时时间在哪里配置"),
                store.learned().answeredSince(START.plus(Duration.ofDays(1))).stream().map(LearnedAnswer::question).toList());
        assertEquals(2, store.learned().answeredSince(START).size());
    }

    @Test
    void eachEscalationIsAnnouncedOnceAndAgainWhenStale() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        Duration stale = Duration.ofHours(24);

        List<Announcement> first = store.escalations().takeAnnouncements(now.get(), now.get().minus(stale), 10);
        List<Announcement> again = store.escalations().takeAnnouncements(now.get(), now.get().minus(stale), 10);
        advance(Duration.ofHours(25));
        List<Announcement> later = store.escalations().takeAnnouncements(now.get(), now.get().minus(stale), 10);

        assertEquals(List.of(id), first.stream().map(a -> a.escalation().id()).toList());
        assertFalse(first.get(0).stale());
        assertTrue(again.isEmpty(), "another instance does not announce it a second time");
        assertEquals(1, later.size());
        assertTrue(later.get(0).stale());
    }

    @Test
    void anAnnouncementsPostNamesItsEscalationOnceAndForAll() {
        long first = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        long second = store.escalations().enqueue("sofa-rpc 的超时时间在哪里配置", asker("u2", "m-2"));

        store.escalations().announcedAs(first, "om_first", now.get());
        store.escalations().announcedAs(second, "om_second", now.get());
        store.escalations().announcedAs(second, "om_first", now.get()); // a repeat never re-points a post

        assertEquals(Optional.of(first), store.escalations().announcedBy("om_first"));
        assertEquals(Optional.of(second), store.escalations().announcedBy("om_second"));
        assertEquals(Optional.empty(), store.escalations().announcedBy("om_unknown"));
    }

    @Test
    void aDailyJobRunsOncePerPeriod() {
        assertTrue(store.escalations().takeJob("daily-summary", "2026-11-21"));
        assertFalse(store.escalations().takeJob("daily-summary", "2026-11-21"));
        assertTrue(store.escalations().takeJob("daily-summary", "2026-11-22"));
    }

    @Test
    void theStoreKeepsEverythingAcrossAReopen() {
        long id = store.escalations().enqueue("SOFAJRaft 支持跨机房部署吗？", asker("u1", "m-1"));
        store.escalations().answer(id, ANSWER).orElseThrow();
        store.close();

        store = Store.open(dataDir, url(), clock);

        assertEquals(Status.ANSWERED, store.escalations().find(id).orElseThrow().status());
        assertEquals(1, store.outbox().lease("w", now.get(), Duration.ofSeconds(30), 10).size());
        assertTrue(store.escalations().reachable());
    }

    @Test
    void eachDaysMessagesAreCountedByWhatTheBotDidInTheAskedZoneAndIgnoredOnesStayOutOfTheStats() {
        store.questions().record(List.of(
                new io.qabot.core.desk.AskedQuestion(Instant.parse("2026-11-20T23:30:00Z"), Platform.SLACK, "jraft?",
                        io.qabot.knowledge.Decision.ANSWER, "item:a#1"),
                new io.qabot.core.desk.AskedQuestion(Instant.parse("2026-11-21T00:30:00Z"), Platform.SLACK, "oracle?",
                        io.qabot.knowledge.Decision.ESCALATE, "escalation:1"),
                io.qabot.core.desk.AskedQuestion.ignored(Instant.parse("2026-11-21T01:00:00Z"), Platform.SLACK),
                io.qabot.core.desk.AskedQuestion.ignored(Instant.parse("2026-11-21T01:10:00Z"), Platform.SLACK)));

        assertEquals(List.of(
                new io.qabot.core.desk.QuestionLog.DayCount(java.time.LocalDate.parse("2026-11-20"), 1, 0, 0),
                new io.qabot.core.desk.QuestionLog.DayCount(java.time.LocalDate.parse("2026-11-21"), 0, 1, 2)),
                store.questions().daily(Instant.EPOCH, ZoneOffset.UTC));
        assertEquals(List.of(new io.qabot.core.desk.QuestionLog.DayCount(java.time.LocalDate.parse("2026-11-21"), 1, 1, 2)),
                store.questions().daily(Instant.EPOCH, java.time.ZoneId.of("Asia/Shanghai")));
        assertEquals(List.of(new io.qabot.core.desk.QuestionLog.DayCount(java.time.LocalDate.parse("2026-11-21"), 0, 1, 2)),
                store.questions().daily(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));

        io.qabot.core.desk.QuestionStats stats = store.questions().stats(Instant.EPOCH, 10);
        assertEquals(2, stats.asked());
        assertEquals(List.of("item:a#1", "escalation:1"), stats.top().stream().map(t -> t.topic()).sorted(
                java.util.Comparator.reverseOrder()).toList());
    }

    static List<Long> ids(List<Escalation> escalations) {
        return escalations.stream().map(Escalation::id).toList();
    }

    @Test
    void theQuestionLogIsPrunedOldestFirstInBatchesAndKeepsWhatIsNewer() {
        io.qabot.core.desk.QuestionLog log = store.questions();
        List<io.qabot.core.desk.AskedQuestion> asked = new java.util.ArrayList<>();
        for (int day = 0; day < 10; day++) {
            asked.add(new io.qabot.core.desk.AskedQuestion(START.plus(Duration.ofDays(day)), Platform.WEBHOOK,
                    "question of day " + day, day % 2 == 0 ? io.qabot.knowledge.Decision.ANSWER : io.qabot.knowledge.Decision.ESCALATE, "topic-" + day));
        }
        log.record(asked);
        Instant cutoff = START.plus(Duration.ofDays(7)); // days 0-6 are older

        assertEquals(3, log.prune(cutoff, 3));
        assertEquals(3, log.prune(cutoff, 3));
        assertEquals(1, log.prune(cutoff, 3), "fewer than a batch: nothing older is left");
        assertEquals(0, log.prune(cutoff, 3));

        io.qabot.core.desk.QuestionStats left = log.stats(START, 20);
        assertEquals(3, left.asked(), "days 7, 8 and 9 stay");
        assertEquals(java.util.Set.of("topic-7", "topic-8", "topic-9"), left.top().stream()
                .map(io.qabot.core.desk.QuestionStats.Topic::topic).collect(java.util.stream.Collectors.toSet()));
    }
}
