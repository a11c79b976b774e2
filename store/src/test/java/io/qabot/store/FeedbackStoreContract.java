package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Escalation.Status;
import io.qabot.core.FlagKind;
import io.qabot.core.FlagReceipt;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.FlaggedAnswer.Verdict;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.feedback.AnsweredReply;
import io.qabot.core.feedback.Screen;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Match;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.Source;
import io.qabot.knowledge.Turn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every database must do for feedback: replies remembered and found by reply id or post id,
 * flags that open or join an escalation, the maintainers' verdicts, and a matcher screen that
 * honours them in another instance and after a restart. Run on H2 and on PostgreSQL.
 */
abstract class FeedbackStoreContract extends EscalationStoreContract {
    static final Source WEEKLY = new Source("sofa-weekly-20191101.md", "SOFA Weekly | 每周精选【10/28 - 11/01】",
            LocalDate.of(2019, 11, 1), "https://www.sofastack.tech/blog/sofa-weekly-20191101/");
    static final KnowledgeItem JRAFT = new KnowledgeItem("sofa-weekly-20191101.md#3",
            List.of(new Turn("raft 能跨机房部署吗", "跨机房不需要特殊支持，只是网络延时大一点而已。", 12)),
            List.of("https://github.com/sofastack/sofa-jraft"), "SOFAJRaft", WEEKLY, Origin.DIGEST);
    static final KnowledgeItem OTHER = new KnowledgeItem("sofa-weekly-20191101.md#4",
            List.of(new Turn("jraft 的选举超时怎么配置", "electionTimeoutMs。", 20)), List.of(), "SOFAJRaft", WEEKLY,
            Origin.DIGEST);
    static final String QUESTION = "SOFAJRaft 支持跨机房部署吗？";

    AnsweredReply answered(String replyId, String chat, String question) {
        return new AnsweredReply(replyId, Platform.WEBHOOK, chat, "t-u1", new Sender("u1", "Ann"), "m-1", question,
                JRAFT.id(), 0, JRAFT.turns().get(0).answer(), WEEKLY, 0.91, now.get());
    }

    Asker member(String user, String message) {
        return new Asker(Platform.WEBHOOK, "group-42", "t-u1", new Sender(user, "Name " + user), message, now.get());
    }

    /** What the matcher says before any screening: JRAFT confidently, OTHER as runner-up. */
    static Match verdict(String question) {
        return new Match(question, Decision.ANSWER, 0.91, List.of(new Candidate(JRAFT, 0, 2.4), new Candidate(OTHER, 0, 1.1)));
    }

    @Test
    void aReplyIsFoundByItsReplyIdOrPostIdButOnlyInItsOwnChat() {
        store.feedback().remember(answered("r1", "group-42", QUESTION));
        store.feedback().postedAs("r1", "1700000000.000100");

        assertEquals("r1", store.feedback().reply(Platform.WEBHOOK, "group-42", "r1").orElseThrow().replyId());
        assertEquals("r1", store.feedback().reply(Platform.WEBHOOK, "group-42", "1700000000.000100").orElseThrow().replyId());
        assertTrue(store.feedback().reply(Platform.WEBHOOK, "group-7", "r1").isEmpty(), "another chat cannot name it");
        assertTrue(store.feedback().reply(Platform.SLACK, "group-42", "r1").isEmpty());
        assertTrue(store.feedback().reply(Platform.WEBHOOK, "group-42", "x".repeat(10_000)).isEmpty());
        AnsweredReply back = store.feedback().reply(Platform.WEBHOOK, "group-42", "r1").orElseThrow();
        assertEquals(WEEKLY, back.source());
        assertEquals(0.91, back.confidence(), 1e-9);
        assertEquals(QUESTION, back.question());
    }

    @Test
    void severalRepliesRememberedAtOnceAreEachFoundAndABatchWithABadOneWritesNone() {
        store.feedback().rememberAll(List.of(answered("r1", "group-42", QUESTION), answered("r2", "group-42", QUESTION),
                answered("r3", "group-7", QUESTION)));

        assertEquals("r2", store.feedback().reply(Platform.WEBHOOK, "group-42", "r2").orElseThrow().replyId());
        assertEquals("r3", store.feedback().reply(Platform.WEBHOOK, "group-7", "r3").orElseThrow().replyId());
        // r1 again: the batch is one transaction, so r4 before it is not written either
        assertThrows(RuntimeException.class, () -> store.feedback().rememberAll(
                List.of(answered("r4", "group-42", QUESTION), answered("r1", "group-42", QUESTION))));
        assertTrue(store.feedback().reply(Platform.WEBHOOK, "group-42", "r4").isEmpty());
    }

    @Test
    void severalPostIdsRecordedAtOnceAreEachFoundAndABatchWithABadOneRecordsNone() {
        store.feedback().rememberAll(List.of(answered("r1", "group-42", QUESTION), answered("r2", "group-42", QUESTION),
                answered("r3", "group-42", QUESTION)));
        Map<String, String> postIds = new LinkedHashMap<>();
        postIds.put("r1", "1700000000.000101");
        postIds.put("r2", "1700000000.000102");
        store.feedback().postedAsAll(postIds);

        assertEquals("r1", store.feedback().reply(Platform.WEBHOOK, "group-42", "1700000000.000101").orElseThrow().replyId());
        assertEquals("r2", store.feedback().reply(Platform.WEBHOOK, "group-42", "1700000000.000102").orElseThrow().replyId());
        // a post id longer than the column: the batch is one transaction, so r3's before it is not recorded either
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("r3", "1700000000.000103");
        bad.put("r1", "x".repeat(600));
        assertThrows(RuntimeException.class, () -> store.feedback().postedAsAll(bad));
        assertTrue(store.feedback().reply(Platform.WEBHOOK, "group-42", "1700000000.000103").isEmpty());
        assertEquals("r1", store.feedback().reply(Platform.WEBHOOK, "group-42", "1700000000.000101").orElseThrow().replyId());
    }

    @Test
    void theLatestReplyInAThreadIsFoundWithinItsWindow() {
        store.feedback().remember(answered("r1", "group-42", QUESTION));
        advance(Duration.ofMinutes(1));
        store.feedback().remember(answered("r2", "group-42", "jraft 的选举超时怎么配置"));

        assertEquals("r2", store.feedback().latest(Platform.WEBHOOK, "group-42", "t-u1", START).orElseThrow().replyId());
        assertTrue(store.feedback().latest(Platform.WEBHOOK, "group-42", "t-other", START).isEmpty());
        assertTrue(store.feedback().latest(Platform.WEBHOOK, "group-42", null, now.get().plusSeconds(1)).isEmpty());
    }

    @Test
    void aWrongFlagOpensAnEscalationWithTheAskerAndTheFlaggerCarryingTheAnswer() {
        store.feedback().remember(answered("r1", "group-42", QUESTION));

        FlagReceipt receipt = store.feedback().flag(answered("r1", "group-42", QUESTION), FlagKind.WRONG, member("u2", "m-2"));

        assertTrue(receipt.recorded());
        assertTrue(receipt.firstWrong());
        Escalation e = store.escalations().find(receipt.escalationId().orElseThrow()).orElseThrow();
        assertEquals(QUESTION, e.question());
        assertEquals(List.of("u1", "u2"), e.askers().stream().map(a -> a.user().id()).toList());
        FlaggedAnswer flagged = e.flagged().orElseThrow();
        assertEquals("r1", flagged.replyId());
        assertEquals(JRAFT.turns().get(0).answer(), flagged.answer());
        assertEquals(WEEKLY, flagged.source());
        assertEquals(0.91, flagged.confidence(), 1e-9);
        assertEquals(Verdict.PENDING, flagged.verdict());
        assertEquals(1, flagged.flags());
    }

    @Test
    void oneMemberCannotFlagTheSameAnswerTwiceAndASecondMemberJoinsTheEscalation() {
        AnsweredReply reply = answered("r1", "group-42", QUESTION);
        store.feedback().remember(reply);
        long id = store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-2")).escalationId().orElseThrow();

        FlagReceipt again = store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-3"));
        FlagReceipt other = store.feedback().flag(reply, FlagKind.WRONG, member("u3", "m-4"));

        assertFalse(again.recorded());
        assertTrue(other.recorded());
        assertFalse(other.firstWrong(), "the thread is told once");
        assertEquals(id, other.escalationId().orElseThrow());
        Escalation e = store.escalations().find(id).orElseThrow();
        assertEquals(List.of("u1", "u2", "u3"), e.askers().stream().map(a -> a.user().id()).toList());
        assertEquals(2, e.flagged().orElseThrow().flags());
        assertTrue(store.feedback().flag(reply, FlagKind.HELPFUL, member("u4", "m-5")).recorded());
        assertFalse(store.feedback().flag(reply, FlagKind.HELPFUL, member("u4", "m-6")).recorded());
    }

    /** A list reads the flagged answers of all its escalations together; each still gets its own, with its own flags. */
    @Test
    void aListedEscalationCarriesItsOwnFlaggedAnswerAndFlags() {
        AnsweredReply first = answered("r1", "group-42", QUESTION);
        AnsweredReply second = answered("r2", "group-7", "jraft 的选举超时怎么配置");
        store.feedback().remember(first);
        store.feedback().remember(second);
        long one = store.feedback().flag(first, FlagKind.WRONG, member("u2", "m-2")).escalationId().orElseThrow();
        advance(java.time.Duration.ofMinutes(1));
        long two = store.feedback().flag(second, FlagKind.WRONG, member("u3", "m-3")).escalationId().orElseThrow();
        store.feedback().flag(second, FlagKind.WRONG, member("u4", "m-4"));
        long plain = store.escalations().enqueue("sofa-rpc 的超时时间在哪里配置", member("u5", "m-5"));

        List<Escalation> queue = store.escalations().open(10);

        assertEquals(List.of(plain, two, one), queue.stream().map(Escalation::id).toList());
        assertTrue(queue.get(0).flagged().isEmpty());
        assertEquals("r2", queue.get(1).flagged().orElseThrow().replyId());
        assertEquals(2, queue.get(1).flagged().orElseThrow().flags());
        assertEquals("r1", queue.get(2).flagged().orElseThrow().replyId());
        assertEquals(1, queue.get(2).flagged().orElseThrow().flags());
        assertEquals(queue, store.escalations().list(Optional.empty(), 10));
    }

    @Test
    void untilDecidedTheFlaggedItemIsNotUsedForThatQuestionInThatChat() {
        AnsweredReply reply = answered("r1", "group-42", QUESTION);
        store.feedback().remember(reply);
        Screen screen = new Screen(store.feedback(), Duration.ZERO);
        assertEquals(Decision.ANSWER, screen.screen(verdict(QUESTION), Platform.WEBHOOK, "group-42").decision());

        store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-2"));

        Match here = screen.screen(verdict("sofajraft 支持跨机房部署吗"), Platform.WEBHOOK, "group-42");
        assertEquals(Decision.ESCALATE, here.decision());
        assertEquals(List.of(OTHER.id()), here.candidates().stream().map(c -> c.item().id()).toList());
        assertEquals(Decision.ANSWER, screen.screen(verdict(QUESTION), Platform.WEBHOOK, "group-7").decision(),
                "other chats still get the answer until a maintainer decides");
        assertEquals(Decision.ANSWER, screen.screen(verdict("sofa-rpc 的超时时间在哪里配置"), Platform.WEBHOOK, "group-42")
                .decision(), "another question in the chat is answered as before");
    }

    @Test
    void theAnswerWasRightClearsTheFlagAndClosesTheEscalation() {
        AnsweredReply reply = answered("r1", "group-42", QUESTION);
        store.feedback().remember(reply);
        long id = store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-2")).escalationId().orElseThrow();
        Screen screen = new Screen(store.feedback(), Duration.ZERO);

        Escalation decided = store.feedback().decide(id, Verdict.RIGHT, "alice").orElseThrow();

        assertEquals(Status.DISMISSED, decided.status());
        assertEquals(Verdict.RIGHT, decided.flagged().orElseThrow().verdict());
        assertEquals(Decision.ANSWER, screen.screen(verdict(QUESTION), Platform.WEBHOOK, "group-42").decision());
        assertTrue(store.escalations().deliveries(id).isEmpty(), "the askers get nothing more");
        assertEquals("flag-right", store.learned().audit(1).get(0).action());
        assertTrue(store.feedback().decide(12345, Verdict.RIGHT, "alice").isEmpty());
    }

    @Test
    void wrongForThisQuestionKeepsTheItemFromItAndItsParaphrasesEverywhere() {
        AnsweredReply reply = answered("r1", "group-42", QUESTION);
        store.feedback().remember(reply);
        long id = store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-2")).escalationId().orElseThrow();
        Screen screen = new Screen(store.feedback(), Duration.ZERO);

        Escalation decided = store.feedback().decide(id, Verdict.WRONG, "alice").orElseThrow();

        assertTrue(decided.isOpen(), "the maintainer's answer is still to come");
        assertEquals(Decision.ESCALATE, screen.screen(verdict(QUESTION), Platform.SLACK, "C1").decision());
        assertEquals(Decision.ESCALATE, screen.screen(verdict("sofajraft 支持跨机房部署吗"), Platform.WEBHOOK, "g").decision());
        assertEquals(Decision.ANSWER, screen.screen(verdict("raft 的日志复制是怎么做的"), Platform.WEBHOOK, "g").decision(),
                "the item still answers other questions");
        assertEquals("wrong-for-question", store.learned().audit(1).get(0).action());
    }

    @Test
    void answeringAFlaggedEscalationRulesTheFlaggedAnswerWrongForTheQuestion() {
        AnsweredReply reply = answered("r1", "group-42", QUESTION);
        store.feedback().remember(reply);
        long id = store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-2")).escalationId().orElseThrow();

        store.escalations().answer(id, new MaintainerAnswer("需要配置多机房的选举优先级。", List.of(), "alice")).orElseThrow();

        Screen screen = new Screen(store.feedback(), Duration.ZERO);
        assertEquals(Verdict.WRONG, store.escalations().find(id).orElseThrow().flagged().orElseThrow().verdict());
        assertEquals(Decision.ESCALATE, screen.screen(verdict(QUESTION), Platform.SLACK, "C1").decision());
        assertEquals(2, store.escalations().deliveries(id).size(), "the asker and the flagger get the answer");
    }

    @Test
    void aRetiredItemIsNeverUsedUntilUnretiredAndBothAreAudited() {
        Screen screen = new Screen(store.feedback(), Duration.ZERO);

        assertTrue(store.feedback().retire(JRAFT.id(), "alice", "outdated since 1.3"));
        assertFalse(store.feedback().retire(JRAFT.id(), "bob", "again"));

        Match screened = screen.screen(verdict("raft 的日志复制是怎么做的"), null, null);
        assertEquals(Decision.ESCALATE, screened.decision());
        assertEquals(List.of(JRAFT.id()), store.feedback().retired().stream().map(r -> r.itemId()).toList());
        assertEquals("alice", store.feedback().retired().get(0).maintainer());

        assertTrue(store.feedback().unretire(JRAFT.id(), "bob"));
        assertFalse(store.feedback().unretire(JRAFT.id(), "bob"));
        assertEquals(Decision.ANSWER, screen.screen(verdict("raft 的日志复制是怎么做的"), null, null).decision());
        assertEquals(List.of("unretire", "retire"), store.learned().audit(2).stream().map(a -> a.action()).toList());
    }

    @Test
    void anotherInstanceHonoursAVerdictWithinItsRefreshAndARestartKeepsIt() {
        Store other = Store.open(dataDir, url(), clock);
        try {
            Screen there = new Screen(other.feedback(), Duration.ZERO);
            assertEquals(Decision.ANSWER, there.screen(verdict(QUESTION), Platform.SLACK, "C1").decision());

            store.feedback().retire(JRAFT.id(), "alice", null);
            store.feedback().avoid(OTHER.id(), QUESTION, "alice");

            Match seen = there.screen(verdict(QUESTION), Platform.SLACK, "C1");
            assertEquals(Decision.ESCALATE, seen.decision());
            assertTrue(seen.candidates().isEmpty());
        } finally {
            other.close();
        }
        store.close();

        store = Store.open(dataDir, url(), clock);
        Screen restarted = new Screen(store.feedback(), Duration.ofHours(1));
        assertEquals(Decision.ESCALATE, restarted.screen(verdict(QUESTION), null, null).decision());
        assertTrue(restarted.screen(verdict(QUESTION), null, null).candidates().isEmpty());
    }

    @Test
    void aScreenWithALongRefreshSeesItsOwnInstancesChangeAtOnce() {
        Screen screen = new Screen(store.feedback(), Duration.ofHours(1));
        assertEquals(Decision.ANSWER, screen.screen(verdict(QUESTION), null, null).decision());

        store.feedback().retire(JRAFT.id(), "alice", null);
        assertEquals(Decision.ANSWER, screen.screen(verdict(QUESTION), null, null).decision(),
                "not yet looked at: the view is an hour fresh");
        screen.changed();

        assertEquals(Decision.ESCALATE, screen.screen(verdict(QUESTION), null, null).decision());
        assertEquals(Optional.empty(), screen.screen(verdict(QUESTION), null, null).best().filter(c -> c.item() == JRAFT));
    }

    AnsweredReply answeredFrom(String replyId, String itemId, LocalDate posted) {
        Source source = new Source(itemId.replaceAll("#.*", ""), "Weekly " + posted, posted, "https://example.org/" + posted);
        return new AnsweredReply(replyId, Platform.WEBHOOK, "group-42", "t-" + replyId, new Sender("u1", "Ann"),
                "m-" + replyId, QUESTION, itemId, 0, "an answer", source, 0.9, now.get());
    }

    @Test
    void agedItemsAreTheMostAnsweredOfTheOldPostsThenTheOldestLeavingOutRetiredAndRecentOnes() {
        LocalDate before = LocalDate.of(2025, 1, 1);
        store.feedback().remember(answeredFrom("a1", "weekly-2019.md#1", LocalDate.of(2019, 11, 1)));
        store.feedback().remember(answeredFrom("b1", "weekly-2021.md#2", LocalDate.of(2021, 3, 5)));
        store.feedback().remember(answeredFrom("b2", "weekly-2021.md#2", LocalDate.of(2021, 3, 5)));
        store.feedback().remember(answeredFrom("c1", "weekly-2018.md#4", LocalDate.of(2018, 6, 1)));
        advance(Duration.ofHours(1));
        store.feedback().remember(answeredFrom("b3", "weekly-2021.md#2", LocalDate.of(2021, 3, 5)));
        store.feedback().remember(answeredFrom("r1", "weekly-2017.md#9", LocalDate.of(2017, 1, 6)));
        store.feedback().remember(answeredFrom("r2", "weekly-2017.md#9", LocalDate.of(2017, 1, 6)));
        store.feedback().remember(answeredFrom("r3", "weekly-2017.md#9", LocalDate.of(2017, 1, 6)));
        store.feedback().remember(answeredFrom("r4", "weekly-2017.md#9", LocalDate.of(2017, 1, 6)));
        store.feedback().remember(answeredFrom("n1", "weekly-2025.md#1", LocalDate.of(2025, 6, 6)));
        store.feedback().remember(answeredFrom("n2", "weekly-2025.md#1", LocalDate.of(2025, 6, 6)));
        store.feedback().remember(answeredFrom("n3", "weekly-2025.md#1", LocalDate.of(2025, 6, 6)));
        store.feedback().remember(answeredFrom("n4", "weekly-2025.md#1", LocalDate.of(2025, 6, 6)));
        assertTrue(store.feedback().retire("weekly-2017.md#9", "alice", "outdated"));

        List<io.qabot.core.feedback.AgedItem> aged = store.feedback().aged(before, 10);

        assertEquals(List.of("weekly-2021.md#2", "weekly-2018.md#4", "weekly-2019.md#1"),
                aged.stream().map(io.qabot.core.feedback.AgedItem::itemId).toList(),
                "3 answers first; then 1 each, the oldest post first; retired and recent posts left out");
        io.qabot.core.feedback.AgedItem most = aged.get(0);
        assertEquals(3, most.answers());
        assertEquals(now.get(), most.lastAnswered());
        assertEquals(new Source("weekly-2021.md", "Weekly 2021-03-05", LocalDate.of(2021, 3, 5),
                "https://example.org/2021-03-05"), most.source());
        assertEquals(1, store.feedback().aged(before, 1).size(), "at most the limit");
        assertTrue(store.feedback().aged(LocalDate.of(2018, 6, 1), 10).isEmpty(), "posted before, not on, the day");
    }

    @Test
    void statsAndTheFeedbackRouteCountTheSameWeeksStartingOnMondayInUtc() {
        // Sunday 2026-11-29 18:00 UTC is already Monday in Shanghai; the week is UTC's, for both readers
        advance(Duration.between(START, Instant.parse("2026-11-29T18:00:00Z")));
        store.feedback().remember(answered("r1", "group-42", QUESTION));

        List<io.qabot.core.desk.FeedbackWeek> weeks = store.feedback().weekly(START);

        assertEquals(List.of(new io.qabot.core.desk.FeedbackWeek(LocalDate.of(2026, 11, 23), 1, 0, 0)), weeks);
        assertEquals(weeks, store.questions().stats(START, 5).feedback());
    }

    @Test
    void answersFlaggedAndHelpfulAreCountedPerWeekStartingOnMonday() {
        // START is Saturday 2026-11-21: its week starts on Monday 2026-11-16
        AnsweredReply first = answered("r1", "group-42", QUESTION);
        store.feedback().remember(first);
        store.feedback().remember(answered("r2", "group-42", "jraft 的选举超时怎么配置"));
        store.feedback().flag(first, FlagKind.WRONG, member("u2", "m-2"));
        store.feedback().flag(first, FlagKind.WRONG, member("u3", "m-3"));
        advance(Duration.ofDays(2));
        AnsweredReply later = answered("r3", "group-42", QUESTION);
        store.feedback().remember(later);
        store.feedback().flag(later, FlagKind.HELPFUL, member("u4", "m-4"));

        List<io.qabot.core.desk.FeedbackWeek> weeks = store.feedback().weekly(START.minus(Duration.ofDays(30)));

        assertEquals(List.of(new io.qabot.core.desk.FeedbackWeek(LocalDate.of(2026, 11, 16), 2, 1, 0),
                new io.qabot.core.desk.FeedbackWeek(LocalDate.of(2026, 11, 23), 1, 0, 1)), weeks);
        assertEquals(0.5, weeks.get(0).flagRate(), 1e-9);
        assertTrue(store.feedback().weekly(now.get().plusSeconds(1)).isEmpty());
    }

    /** A maintainer's answer to escalation {@code id}, delivered to each asker: returns what was leased. */
    List<io.qabot.core.desk.PendingDelivery> answerAndLease(long id) {
        store.escalations().answer(id, ANSWER).orElseThrow();
        return store.outbox().lease("w", now.get(), Duration.ofSeconds(30), 10);
    }

    @Test
    void aDeliveredMaintainersAnswerIsAReplyFoundByItsReplyIdOrPostIdOnceSent() {
        long id = store.escalations().enqueue(QUESTION, asker("u1", "m-1"));
        store.escalations().enqueue(QUESTION, new Asker(Platform.SLACK, "C1", null, new Sender("U2", "Bo"), "1700.1", now.get()));
        List<io.qabot.core.desk.PendingDelivery> leased = answerAndLease(id);
        io.qabot.core.desk.PendingDelivery toAnn = leased.get(0);
        assertEquals(2, leased.stream().map(io.qabot.core.desk.PendingDelivery::replyId).distinct().count(),
                "each asker's copy has its own reply_id");
        assertTrue(store.feedback().reply(Platform.WEBHOOK, "group-42", toAnn.replyId()).isEmpty(),
                "not a reply before it was sent");
        advance(Duration.ofSeconds(31));
        io.qabot.core.desk.PendingDelivery again = store.outbox().lease("w", now.get(), Duration.ofSeconds(30), 10).get(0);
        assertEquals(toAnn.replyId(), again.replyId(), "the same reply_id on every attempt");
        assertTrue(store.outbox().sent(again.delivery().id(), "w", now.get(), Optional.of("cb-77")));

        LearnedAnswer learned = store.learned().learned(false).get(0);
        AnsweredReply reply = store.feedback().reply(Platform.WEBHOOK, "group-42", toAnn.replyId()).orElseThrow();
        assertEquals(learned.toKnowledgeItem().id(), reply.itemId(), "the learned item it came from");
        assertEquals(learned.toKnowledgeItem().source(), reply.source());
        assertEquals(ANSWER.answer(), reply.answer());
        assertEquals(QUESTION, reply.question());
        assertEquals("u1", reply.asker().id());
        assertEquals("t-u1", reply.thread(), "where the answer went");
        assertEquals(1.0, reply.confidence(), 1e-9);
        assertEquals(toAnn.replyId(), store.feedback().reply(Platform.WEBHOOK, "group-42", "cb-77").orElseThrow().replyId());
        assertTrue(store.feedback().reply(Platform.WEBHOOK, "group-7", toAnn.replyId()).isEmpty(), "only in its own chat");
        assertTrue(store.feedback().weekly(START).isEmpty(), "the weekly figures count the matcher's answers only");
        assertTrue(store.feedback().aged(LocalDate.of(2030, 1, 1), 10).isEmpty(), "and so does the aged list");
    }

    @Test
    void aFlagOnADeliveredAnswerCarriesItToTheMaintainersAndWrongIsANegativePairForTheLearnedItem() {
        long answered = store.escalations().enqueue(QUESTION, asker("u1", "m-1"));
        io.qabot.core.desk.PendingDelivery leased = answerAndLease(answered).get(0);
        store.outbox().sent(leased.delivery().id(), "w", now.get(), Optional.empty());
        AnsweredReply reply = store.feedback().reply(Platform.WEBHOOK, "group-42", leased.replyId()).orElseThrow();
        KnowledgeItem learned = store.learned().learned(false).get(0).toKnowledgeItem();
        Match matched = new Match(QUESTION, Decision.ANSWER, 0.95, List.of(new Candidate(learned, 0, 3.0),
                new Candidate(OTHER, 0, 1.1)));
        Screen screen = new Screen(store.feedback(), Duration.ZERO);

        FlagReceipt receipt = store.feedback().flag(reply, FlagKind.WRONG, member("u2", "m-2"));

        long flagged = receipt.escalationId().orElseThrow();
        assertNotEquals(answered, flagged, "the answered escalation stays closed; the flag opens a new one");
        Escalation e = store.escalations().find(flagged).orElseThrow();
        assertEquals(List.of("u1", "u2"), e.askers().stream().map(a -> a.user().id()).toList());
        assertEquals(leased.replyId(), e.flagged().orElseThrow().replyId());
        assertEquals(ANSWER.answer(), e.flagged().orElseThrow().answer(), "the maintainer's answer is attached");
        assertEquals(learned.id(), e.flagged().orElseThrow().itemId());

        store.feedback().decide(flagged, Verdict.WRONG, "bob").orElseThrow();

        Match after = screen.screen(matched, Platform.SLACK, "C1");
        assertEquals(List.of(OTHER.id()), after.candidates().stream().map(c -> c.item().id()).toList(),
                "the learned item is not used for this question again");
    }
}
