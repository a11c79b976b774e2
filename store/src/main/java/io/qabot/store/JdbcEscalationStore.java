package io.qabot.store;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Escalation.Status;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Reply;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.Announcement;
import io.qabot.core.desk.Delivery;
import io.qabot.core.desk.EscalationStore;
import io.qabot.core.desk.ListedEscalation;
import io.qabot.core.desk.SameQuestion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Escalations and their askers in the database; see {@link EscalationStore} for the promises. */
final class JdbcEscalationStore implements EscalationStore {
    /**
     * How many open questions a new one is compared with, most recent first; also the most that
     * {@link SameQuestion} keeps folded keys and analyses of (one index over them, rebuilt from
     * the kept analyses when the window moves).
     */
    private static final int SAME_QUESTION_WINDOW = 500;
    static final String OPEN = "status IN ('open', 'claimed')";

    private final Sql sql;
    private final Clock clock;
    private final SameQuestion sameQuestion;

    JdbcEscalationStore(Sql sql, Clock clock, SameQuestion sameQuestion) {
        this.sql = sql;
        this.clock = clock;
        this.sameQuestion = sameQuestion;
    }

    @Override
    public long enqueue(String question, Asker asker) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(asker, "asker");
        String asked = question.strip();
        // the matcher runs outside the transaction; the row lock in enqueue re-checks that it is still open
        OptionalLong same = sameAs(asked);
        return sql.transaction(c -> enqueue(c, asked, same, asker));
    }

    /** The open escalation {@code question} repeats, if any; run outside any transaction (it may build an index). */
    OptionalLong sameAs(String question) {
        List<SameQuestion.Open> open = sql.autoCommit(c -> Sql.query(c,
                "SELECT id, question FROM escalation WHERE " + OPEN + " ORDER BY id DESC LIMIT ?",
                row -> new SameQuestion.Open(row.getLong("id"), row.getString("question")), SAME_QUESTION_WINDOW));
        return sameQuestion.find(question.strip(), open);
    }

    /** Joins {@code asker} to escalation {@code same} while it is open, else opens one; inside the caller's transaction. */
    long enqueue(Connection c, String question, OptionalLong same, Asker asker) throws SQLException {
        if (same.isPresent() && lockOpen(c, same.getAsLong())) {
            addAsker(c, same.getAsLong(), asker);
            return same.getAsLong();
        }
        long id = Sql.insert(c, "INSERT INTO escalation (question, status, created_at) VALUES (?, 'open', ?)",
                question.strip(), clock.instant());
        addAsker(c, id, asker);
        return id;
    }

    static boolean lockOpen(Connection c, long id) throws SQLException {
        return !Sql.query(c, "SELECT id FROM escalation WHERE id = ? AND " + OPEN + " FOR UPDATE",
                row -> row.getLong(1), id).isEmpty();
    }

    static void addAsker(Connection c, long id, Asker asker) throws SQLException {
        boolean known = !Sql.query(c, "SELECT id FROM asker WHERE escalation_id = ? AND platform = ? AND user_id = ?",
                row -> row.getLong(1), id, asker.platform().wireName(), asker.user().id()).isEmpty();
        if (!known) {
            Sql.insert(c, "INSERT INTO asker (escalation_id, platform, chat, thread, user_id, user_name, message_id, "
                            + "asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, asker.platform().wireName(), asker.chat(), asker.thread(), asker.user().id(),
                    asker.user().name(), asker.messageId(), asker.asked());
            // the count a list shows; the update's row lock serializes two askers joining at once
            Sql.update(c, "UPDATE escalation SET asker_count = asker_count + 1 WHERE id = ?", id);
        }
    }

    @Override
    public List<Escalation> open() {
        return open(1000);
    }

    @Override
    public List<Escalation> open(int limit) {
        return sql.autoCommit(c -> withAskers(c, Sql.query(c,
                "SELECT * FROM escalation WHERE " + OPEN + " ORDER BY created_at DESC, id DESC LIMIT ?",
                JdbcEscalationStore::row, limit)));
    }

    @Override
    public List<Escalation> list(Optional<Status> status, int limit) {
        return sql.autoCommit(c -> withAskers(c, status.isPresent()
                ? Sql.query(c, "SELECT * FROM escalation WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                        JdbcEscalationStore::row, status.get().wireName(), limit)
                : Sql.query(c, "SELECT * FROM escalation ORDER BY created_at DESC, id DESC LIMIT ?",
                        JdbcEscalationStore::row, limit)));
    }

    @Override
    public List<ListedEscalation> listed(Set<Status> statuses, int limit, int askersEach) {
        if (askersEach < 0) {
            throw new IllegalArgumentException("askersEach must not be negative: " + askersEach);
        }
        List<Object> params = new ArrayList<>();
        statuses.forEach(status -> params.add(status.wireName()));
        params.add(limit);
        String where = statuses.isEmpty() ? "" : " WHERE status IN (" + Sql.placeholders(statuses.size()) + ")";
        return sql.autoCommit(c -> {
            Map<Long, Integer> counts = new HashMap<>();
            List<Escalation> escalations = Sql.query(c, "SELECT * FROM escalation" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT ?", row -> {
                        Escalation e = row(row);
                        counts.put(e.id(), row.getInt("asker_count"));
                        return e;
                    }, params.toArray());
            // those with no more askers than a list shows are read whole, in one plain statement
            // (most escalations have a few); only the busy ones need a LIMIT each
            List<Long> few = new ArrayList<>();
            List<Long> busy = new ArrayList<>();
            escalations.forEach(e -> (counts.get(e.id()) <= askersEach ? few : busy).add(e.id()));
            Map<Long, List<Asker>> askers = new HashMap<>();
            allAskers(c, few, askers);
            firstAskers(c, busy, askersEach, askers);
            List<ListedEscalation> out = new ArrayList<>(escalations.size());
            for (Escalation e : assembled(escalations, askers, flagged(c, ids(escalations)))) {
                // an asker may have joined since the count was read: at most askersEach listed, and
                // the count never below them
                List<Asker> first = e.askers().subList(0, Math.min(askersEach, e.askers().size()));
                out.add(new ListedEscalation(new Escalation(e.id(), e.status(), e.question(), first, e.created(), e.answer(),
                        e.claimedBy(), e.closed(), e.flagged()), Math.max(counts.get(e.id()), first.size())));
            }
            return out;
        });
    }

    /** How many escalations one statement of {@link #firstAskers} reads the first askers of. */
    private static final int FIRST_ASKERS_PER_STATEMENT = 100;

    /**
     * The first {@code each} askers of each escalation {@code ids}, into {@code into}: per escalation
     * a {@code LIMIT} subquery on the {@code (escalation_id, id)} index, which reads those rows and
     * no others, the subqueries of {@value #FIRST_ASKERS_PER_STATEMENT} escalations joined into one
     * statement. (A window function over all the askers would read every one of them first.)
     */
    private static void firstAskers(Connection c, List<Long> ids, int each, Map<Long, List<Asker>> into)
            throws SQLException {
        // "a.id > 0" (always true) makes the (escalation_id, id) index H2's cheapest: on the
        // escalation_id alone it took the foreign key's index, read every asker and sorted them
        String one = "(SELECT a.id, a.escalation_id, " + ASKER_COLUMNS + " FROM asker a WHERE a.escalation_id = ? "
                + "AND a.id > 0 ORDER BY a.escalation_id, a.id LIMIT " + each + ")";
        for (int from = 0; each > 0 && from < ids.size(); from += FIRST_ASKERS_PER_STATEMENT) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + FIRST_ASKERS_PER_STATEMENT));
            for (Owned owned : Sql.query(c, "SELECT * FROM (" + String.join(" UNION ALL ",
                            java.util.Collections.nCopies(some.size(), one)) + ") first_askers ORDER BY id",
                    row -> new Owned(row.getLong("escalation_id"), asker(row)), some.toArray())) {
                into.computeIfAbsent(owned.escalation(), id -> new ArrayList<>()).add(owned.asker());
            }
        }
    }

    @Override
    public Optional<Escalation> find(long id) {
        return sql.autoCommit(c -> find(c, id));
    }

    static Optional<Escalation> find(Connection c, long id) throws SQLException {
        return withAskers(c, Sql.query(c, "SELECT * FROM escalation WHERE id = ?", JdbcEscalationStore::row, id))
                .stream().findFirst();
    }

    @Override
    public Optional<Escalation> claim(long id, String maintainer) {
        return sql.transaction(c -> {
            if (!lockOpen(c, id)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE escalation SET status = 'claimed', claimed_by = ?, claimed_at = ? WHERE id = ?",
                    maintainer, now, id);
            Audit.record(c, now, maintainer, "claim", "escalation/" + id, null);
            return find(c, id);
        });
    }

    @Override
    public Optional<Escalation> dismiss(long id, String maintainer) {
        return sql.transaction(c -> {
            if (!lockOpen(c, id)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE escalation SET status = 'dismissed', answered_by = ?, closed_at = ? WHERE id = ?",
                    maintainer, now, id);
            Audit.record(c, now, maintainer, "dismiss", "escalation/" + id, null);
            return find(c, id);
        });
    }

    @Override
    public Optional<Escalation> answer(long id, MaintainerAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        return sql.transaction(c -> {
            if (!lockOpen(c, id)) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE escalation SET status = 'answered', answer = ?, links = ?, answered_by = ?, "
                    + "closed_at = ? WHERE id = ?", answer.answer(), Sql.links(answer.links()), answer.maintainer(), now, id);
            String question = Sql.query(c, "SELECT question FROM escalation WHERE id = ?", row -> row.getString(1), id)
                    .get(0);
            long learnedId = Sql.insert(c, "INSERT INTO learned_answer (escalation_id, question, answer, links, "
                            + "maintainer, answered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, question, answer.answer(), Sql.links(answer.links()), answer.maintainer(), now, now);
            List<Long> askers = Sql.query(c, "SELECT id FROM asker WHERE escalation_id = ? ORDER BY id",
                    row -> row.getLong(1), id);
            for (long askerId : askers) {
                Sql.insert(c, "INSERT INTO delivery (escalation_id, asker_id, idempotency_key, state, next_attempt_at, "
                        + "reply_id) VALUES (?, ?, ?, 'pending', ?, ?)", id, askerId, "escalation-" + id + "/asker-" + askerId,
                        now, Reply.newId());
            }
            Audit.record(c, now, answer.maintainer(), "answer", "escalation/" + id,
                    answer.answer() + (answer.links().isEmpty() ? "" : "\n" + Sql.links(answer.links())));
            Audit.record(c, now, answer.maintainer(), "learn", "learned/" + learnedId, question);
            Audit.bumpRevision(c);
            JdbcFeedbackStore.answered(c, id, answer.maintainer(), now);
            return find(c, id);
        });
    }

    @Override
    public List<Delivery> deliveries(long id) {
        return sql.autoCommit(c -> Sql.query(c, "SELECT d.*, " + ASKER_COLUMNS + " FROM delivery d "
                + "JOIN asker a ON a.id = d.asker_id WHERE d.escalation_id = ? ORDER BY d.id", JdbcEscalationStore::delivery, id));
    }

    static final String ASKER_COLUMNS = "a.platform, a.chat, a.thread, a.user_id, a.user_name, a.message_id, a.asked_at";

    static Delivery delivery(ResultSet row) throws SQLException {
        Instant delivered = Sql.instant(row, "delivered_at");
        return new Delivery(row.getLong("id"), row.getLong("escalation_id"), asker(row),
                row.getString("idempotency_key"), Delivery.State.fromWireName(row.getString("state")),
                row.getInt("attempts"), Sql.instant(row, "next_attempt_at"),
                Optional.ofNullable(row.getString("last_error")), Optional.ofNullable(delivered));
    }

    @Override
    public List<Announcement> takeAnnouncements(Instant now, Instant staleBefore, int max) {
        return sql.autoCommit(c -> {
            record Due(long id, Instant announced) {
            }
            List<Due> due = Sql.query(c, "SELECT id, announced_at FROM escalation WHERE " + OPEN
                            + " AND (announced_at IS NULL OR announced_at < ?) ORDER BY id LIMIT ?",
                    row -> new Due(row.getLong("id"), Sql.instant(row, "announced_at")), staleBefore, max);
            List<Announcement> taken = new ArrayList<>();
            for (Due d : due) {
                // conditional on the value read: of two instances, only one moves it
                int moved = d.announced() == null
                        ? Sql.update(c, "UPDATE escalation SET announced_at = ?, announcements = announcements + 1 "
                        + "WHERE id = ? AND announced_at IS NULL", now, d.id())
                        : Sql.update(c, "UPDATE escalation SET announced_at = ?, announcements = announcements + 1 "
                        + "WHERE id = ? AND announced_at = ?", now, d.id(), d.announced());
                if (moved == 1) {
                    find(c, d.id()).ifPresent(e -> taken.add(new Announcement(e, d.announced() != null)));
                }
            }
            return taken;
        });
    }

    @Override
    public void announcedAs(long id, String postId, Instant at) {
        sql.autoCommit(c -> {
            if (Sql.query(c, "SELECT escalation_id FROM announcement_post WHERE post_id = ?", row -> row.getLong(1), postId)
                    .isEmpty()) {
                Sql.update(c, "INSERT INTO announcement_post (post_id, escalation_id, posted_at) VALUES (?, ?, ?)",
                        postId, id, at);
            }
            return null;
        });
    }

    @Override
    public Optional<Long> announcedBy(String postId) {
        return sql.autoCommit(c -> Sql.query(c, "SELECT escalation_id FROM announcement_post WHERE post_id = ?",
                row -> row.getLong(1), postId).stream().findFirst());
    }

    @Override
    public boolean takeJob(String job, String period) {
        return sql.autoCommit(c -> {
            if (Sql.update(c, "UPDATE job_run SET period = ? WHERE job = ? AND period <> ?", period, job, period) == 1) {
                return true;
            }
            if (!Sql.query(c, "SELECT job FROM job_run WHERE job = ?", row -> row.getString(1), job).isEmpty()) {
                return false;
            }
            try {
                Sql.update(c, "INSERT INTO job_run (job, period) VALUES (?, ?)", job, period);
                return true;
            } catch (SQLException e) {
                return false; // another instance inserted it first
            }
        });
    }

    @Override
    public boolean reachable() {
        try {
            return sql.autoCommit(c -> c.isValid(2));
        } catch (StoreException e) {
            return false;
        }
    }

    private static Escalation row(ResultSet row) throws SQLException {
        Status status = Status.fromWireName(row.getString("status"));
        String answer = row.getString("answer");
        Optional<MaintainerAnswer> maintainerAnswer = status == Status.ANSWERED && answer != null
                ? Optional.of(new MaintainerAnswer(answer, Sql.links(row.getString("links")), row.getString("answered_by")))
                : Optional.empty();
        return new Escalation(row.getLong("id"), status, row.getString("question"), List.of(),
                Sql.instant(row, "created_at"), maintainerAnswer, Optional.ofNullable(row.getString("claimed_by")),
                Optional.ofNullable(Sql.instant(row, "closed_at")));
    }

    /** How many escalations one statement asks about; well under both databases' limits on parameters. */
    private static final int IDS_PER_STATEMENT = 500;

    /**
     * The escalations with their askers and flagged answers, asked for together: two or three
     * statements per {@value #IDS_PER_STATEMENT} escalations, not two per escalation (which made
     * the maintainers' queue take up to a second once escalations had hundreds of askers).
     */
    private static List<Escalation> withAskers(Connection c, List<Escalation> escalations) throws SQLException {
        Map<Long, List<Asker>> askers = new HashMap<>();
        allAskers(c, ids(escalations), askers);
        return assembled(escalations, askers, flagged(c, ids(escalations)));
    }

    private static List<Long> ids(List<Escalation> escalations) {
        return escalations.stream().map(Escalation::id).toList();
    }

    /** Every asker of each escalation {@code ids}, in the order they asked, into {@code into}. */
    private static void allAskers(Connection c, List<Long> ids, Map<Long, List<Asker>> into) throws SQLException {
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
            for (Owned owned : Sql.query(c, "SELECT a.escalation_id, " + ASKER_COLUMNS + " FROM asker a "
                            + "WHERE a.escalation_id IN (" + Sql.placeholders(some.size()) + ") ORDER BY a.id",
                    row -> new Owned(row.getLong("escalation_id"), asker(row)), some.toArray())) {
                into.computeIfAbsent(owned.escalation(), id -> new ArrayList<>()).add(owned.asker());
            }
        }
    }

    /** The flagged answers of the escalations {@code ids} that came from a flag. */
    private static Map<Long, FlaggedAnswer> flagged(Connection c, List<Long> ids) throws SQLException {
        Map<Long, FlaggedAnswer> flagged = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            flagged.putAll(JdbcFeedbackStore.flaggedAnswers(c, ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT))));
        }
        return flagged;
    }

    private record Owned(long escalation, Asker asker) {
    }

    private static List<Escalation> assembled(List<Escalation> escalations, Map<Long, List<Asker>> askers,
                                              Map<Long, FlaggedAnswer> flagged) {
        List<Escalation> out = new ArrayList<>(escalations.size());
        for (Escalation e : escalations) {
            out.add(new Escalation(e.id(), e.status(), e.question(), askers.getOrDefault(e.id(), List.of()), e.created(),
                    e.answer(), e.claimedBy(), e.closed(), Optional.ofNullable(flagged.get(e.id()))));
        }
        return out;
    }

    static Asker asker(ResultSet row) throws SQLException {
        return new Asker(Platform.fromWireName(row.getString("platform")), row.getString("chat"),
                row.getString("thread"), new Sender(row.getString("user_id"), row.getString("user_name")),
                row.getString("message_id"), Sql.instant(row, "asked_at"));
    }
}
