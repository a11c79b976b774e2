package io.qabot.store;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.FlagKind;
import io.qabot.core.FlagReceipt;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.FlaggedAnswer.Verdict;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.feedback.AgedItem;
import io.qabot.core.feedback.AnsweredReply;
import io.qabot.core.feedback.Corrections;
import io.qabot.core.feedback.FeedbackStore;
import io.qabot.core.desk.FeedbackWeek;
import java.util.TreeMap;
import io.qabot.core.feedback.RetiredItem;
import io.qabot.knowledge.Source;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Replies, flags and the maintainers' verdicts in the database; see {@link FeedbackStore} for the promises. */
final class JdbcFeedbackStore implements FeedbackStore {
    private static final String POSTED_AS = "UPDATE bot_reply SET post_id = ? WHERE reply_id = ?";
    /** Longer references cannot be ours: nothing a request names is looked up unbounded. */
    private static final int MAX_REFERENCE = 500;

    private final Sql sql;
    private final Clock clock;
    private final JdbcEscalationStore escalations;

    JdbcFeedbackStore(Sql sql, Clock clock, JdbcEscalationStore escalations) {
        this.sql = sql;
        this.clock = clock;
        this.escalations = escalations;
    }

    @Override
    public void remember(AnsweredReply reply) {
        Objects.requireNonNull(reply, "reply");
        sql.autoCommit(c -> insert(c, reply, null, null));
    }

    /** One transaction, so one commit (and one write of H2's file) for the lot. */
    @Override
    public void rememberAll(List<AnsweredReply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        sql.transaction(c -> {
            for (AnsweredReply reply : replies) {
                insert(c, Objects.requireNonNull(reply, "reply"), null, null);
            }
            return null;
        });
    }

    /**
     * Inserts {@code reply} inside the caller's connection.
     *
     * @param deliveryId the outbox row it was delivered from (a maintainer's answer), or null for the matcher's own
     * @param postId     the platform's id of the posted message, or null when not (yet) known
     */
    static int insert(Connection c, AnsweredReply reply, Long deliveryId, String postId) throws SQLException {
        Source source = reply.source();
        return Sql.update(c, "INSERT INTO bot_reply (reply_id, platform, chat, thread, asker_id, asker_name, "
                        + "asker_message, question, item_id, turn_index, answer, source_file, source_title, source_date, "
                        + "source_url, confidence, answered_at, delivery_id, post_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, CAST(? AS BIGINT), ?)",
                reply.replyId(), reply.platform().wireName(), reply.chat(), reply.thread(), reply.asker().id(),
                reply.asker().name(), reply.askerMessageId(), reply.question(), reply.itemId(), reply.turnIndex(),
                reply.answer(), source.file(), source.title(), source.date() == null ? null : source.date().toString(), source.url(), reply.confidence(),
                reply.answered(), deliveryId, postId);
    }

    @Override
    public void postedAs(String replyId, String postId) {
        sql.autoCommit(c -> Sql.update(c, POSTED_AS, postId, replyId));
    }

    /** One transaction, so one commit for the lot, as {@link #rememberAll}. */
    @Override
    public void postedAsAll(Map<String, String> postIds) {
        if (postIds.isEmpty()) {
            return;
        }
        sql.transaction(c -> {
            for (Map.Entry<String, String> posted : postIds.entrySet()) {
                Sql.update(c, POSTED_AS, posted.getValue(), posted.getKey());
            }
            return null;
        });
    }

    @Override
    public Optional<AnsweredReply> reply(Platform platform, String chat, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
            return Optional.empty();
        }
        if (chat == null) {
            return sql.autoCommit(c -> Sql.query(c, "SELECT * FROM bot_reply WHERE platform = ? AND post_id = ? "
                    + "ORDER BY answered_at DESC LIMIT 1", JdbcFeedbackStore::reply, platform.wireName(), reference)
                    .stream().findFirst());
        }
        return sql.autoCommit(c -> {
            List<AnsweredReply> byId = Sql.query(c, "SELECT * FROM bot_reply WHERE reply_id = ? AND platform = ? AND chat = ?",
                    JdbcFeedbackStore::reply, reference, platform.wireName(), chat);
            if (!byId.isEmpty()) {
                return Optional.of(byId.get(0));
            }
            return Sql.query(c, "SELECT * FROM bot_reply WHERE platform = ? AND chat = ? AND post_id = ? "
                            + "ORDER BY answered_at DESC LIMIT 1", JdbcFeedbackStore::reply, platform.wireName(), chat, reference)
                    .stream().findFirst();
        });
    }

    @Override
    public Optional<AnsweredReply> latest(Platform platform, String chat, String thread, Instant since) {
        return sql.autoCommit(c -> (thread == null
                ? Sql.query(c, "SELECT * FROM bot_reply WHERE platform = ? AND chat = ? AND answered_at >= ? "
                        + "ORDER BY answered_at DESC LIMIT 1", JdbcFeedbackStore::reply, platform.wireName(), chat, since)
                : Sql.query(c, "SELECT * FROM bot_reply WHERE platform = ? AND chat = ? AND thread = ? AND answered_at >= ? "
                        + "ORDER BY answered_at DESC LIMIT 1", JdbcFeedbackStore::reply, platform.wireName(), chat, thread,
                        since)).stream().findFirst());
    }

    @Override
    public FlagReceipt flag(AnsweredReply reply, FlagKind kind, Asker flagger) {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flagger, "flagger");
        // the paraphrase check builds an index: outside the transaction, like JdbcEscalationStore.enqueue
        OptionalLong same = kind == FlagKind.WRONG ? escalations.sameAs(reply.question()) : OptionalLong.empty();
        return sql.transaction(c -> {
            record State(String verdict, Long escalation) {
            }
            List<State> locked = Sql.query(c, "SELECT verdict, escalation_id FROM bot_reply WHERE reply_id = ? FOR UPDATE",
                    row -> new State(row.getString("verdict"), (Long) row.getObject("escalation_id", Long.class)),
                    reply.replyId());
            if (locked.isEmpty()) {
                return FlagReceipt.notRecorded(reply.replyId());
            }
            boolean known = !Sql.query(c, "SELECT id FROM reply_flag WHERE reply_id = ? AND platform = ? AND user_id = ? "
                    + "AND kind = ?", row -> row.getLong(1), reply.replyId(), flagger.platform().wireName(),
                    flagger.user().id(), kind.wireName()).isEmpty();
            if (known) {
                return FlagReceipt.notRecorded(reply.replyId());
            }
            Instant now = clock.instant();
            Sql.insert(c, "INSERT INTO reply_flag (reply_id, kind, platform, user_id, flagged_at) VALUES (?, ?, ?, ?, ?)",
                    reply.replyId(), kind.wireName(), flagger.platform().wireName(), flagger.user().id(), now);
            State state = locked.get(0);
            if (kind != FlagKind.WRONG || (state.verdict() != null && !state.verdict().equals("pending"))) {
                // helpful, or the maintainers already ruled on this answer: counted, nothing more
                return new FlagReceipt(true, reply.replyId(), OptionalLong.empty(), false);
            }
            long escalation;
            if (state.escalation() != null && JdbcEscalationStore.lockOpen(c, state.escalation())) {
                escalation = state.escalation();
            } else {
                Asker original = new Asker(reply.platform(), reply.chat(), reply.thread(), reply.asker(),
                        reply.askerMessageId(), reply.answered());
                escalation = escalations.enqueue(c, reply.question(), same, original);
            }
            JdbcEscalationStore.addAsker(c, escalation, flagger);
            Sql.update(c, "UPDATE bot_reply SET verdict = 'pending', escalation_id = ? WHERE reply_id = ?",
                    escalation, reply.replyId());
            bumpRevision(c);
            return new FlagReceipt(true, reply.replyId(), OptionalLong.of(escalation), state.verdict() == null);
        });
    }

    @Override
    public Corrections corrections() {
        return sql.autoCommit(c -> {
            long revision = revision(c);
            Set<String> retired = new LinkedHashSet<>(Sql.query(c, "SELECT item_id FROM retired_item", row -> row.getString(1)));
            List<Corrections.Avoided> avoided = Sql.query(c, "SELECT id, item_id, question FROM negative_pair ORDER BY id",
                    row -> new Corrections.Avoided(row.getLong("id"), row.getString("item_id"), row.getString("question")));
            List<Corrections.Pending> pending = new ArrayList<>();
            for (AnsweredReply r : Sql.query(c, "SELECT * FROM bot_reply WHERE verdict = 'pending' ORDER BY answered_at",
                    JdbcFeedbackStore::reply)) {
                pending.add(new Corrections.Pending(pending.size() + 1, r.platform(), r.chat(), r.itemId(), r.question()));
            }
            return new Corrections(revision, retired, avoided, pending);
        });
    }

    @Override
    public long revision() {
        return sql.autoCommit(JdbcFeedbackStore::revision);
    }

    private static long revision(Connection c) throws SQLException {
        return Sql.query(c, "SELECT revision FROM feedback_revision WHERE id = 1", row -> row.getLong(1)).get(0);
    }

    private static void bumpRevision(Connection c) throws SQLException {
        Sql.update(c, "UPDATE feedback_revision SET revision = revision + 1 WHERE id = 1");
    }

    @Override
    public Optional<Escalation> decide(long escalationId, Verdict verdict, String maintainer) {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.PENDING) {
            throw new IllegalArgumentException("a decision is right, wrong or retired, not pending");
        }
        String who = maintainer == null ? "" : maintainer.strip();
        return sql.transaction(c -> {
            List<AnsweredReply> flagged = Sql.query(c, "SELECT * FROM bot_reply WHERE escalation_id = ? ORDER BY answered_at "
                    + "FOR UPDATE", JdbcFeedbackStore::reply, escalationId);
            if (flagged.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE bot_reply SET verdict = ? WHERE escalation_id = ?", verdict.wireName(), escalationId);
            String subject = "escalation/" + escalationId;
            switch (verdict) {
                case RIGHT -> {
                    // the answer stands: the askers get nothing more
                    if (JdbcEscalationStore.lockOpen(c, escalationId)) {
                        Sql.update(c, "UPDATE escalation SET status = 'dismissed', answered_by = ?, closed_at = ? "
                                + "WHERE id = ?", who, now, escalationId);
                    }
                    Audit.record(c, now, who, "flag-right", subject, flagged.get(0).itemId());
                }
                case WRONG -> {
                    for (AnsweredReply r : distinctPairs(flagged)) {
                        avoid(c, r.itemId(), r.question(), who, now, escalationId);
                    }
                }
                case RETIRED -> {
                    for (String item : flagged.stream().map(AnsweredReply::itemId).distinct().toList()) {
                        retire(c, item, who, "flagged in " + subject, now);
                    }
                }
                default -> throw new IllegalStateException("unreachable: " + verdict);
            }
            bumpRevision(c);
            return JdbcEscalationStore.find(c, escalationId);
        });
    }

    /**
     * A maintainer answered escalation {@code escalationId}: a flagged answer still undecided was
     * wrong for that question. Inside the caller's (the answer's) transaction.
     */
    static void answered(Connection c, long escalationId, String maintainer, Instant now) throws SQLException {
        List<AnsweredReply> undecided = Sql.query(c, "SELECT * FROM bot_reply WHERE escalation_id = ? AND verdict = 'pending'",
                JdbcFeedbackStore::reply, escalationId);
        if (undecided.isEmpty()) {
            return;
        }
        Sql.update(c, "UPDATE bot_reply SET verdict = 'wrong' WHERE escalation_id = ? AND verdict = 'pending'", escalationId);
        for (AnsweredReply r : distinctPairs(undecided)) {
            avoid(c, r.itemId(), r.question(), maintainer, now, escalationId);
        }
        bumpRevision(c);
    }

    private static List<AnsweredReply> distinctPairs(List<AnsweredReply> replies) {
        Set<List<String>> seen = new LinkedHashSet<>();
        return replies.stream().filter(r -> seen.add(List.of(r.itemId(), r.question()))).toList();
    }

    @Override
    public long avoid(String itemId, String question, String maintainer) {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(question, "question");
        return sql.transaction(c -> {
            long id = avoid(c, itemId, question.strip(), maintainer == null ? "" : maintainer.strip(), clock.instant(), null);
            bumpRevision(c);
            return id;
        });
    }

    private static long avoid(Connection c, String itemId, String question, String maintainer, Instant now, Long escalation)
            throws SQLException {
        // a typed NULL: PostgreSQL will not take an untyped one for a BIGINT column
        long id = escalation == null
                ? Sql.insert(c, "INSERT INTO negative_pair (item_id, question, created_by, created_at) VALUES (?, ?, ?, ?)",
                        itemId, question, maintainer, now)
                : Sql.insert(c, "INSERT INTO negative_pair (item_id, question, created_by, created_at, escalation_id) "
                        + "VALUES (?, ?, ?, ?, ?)", itemId, question, maintainer, now, escalation);
        Audit.record(c, now, maintainer, "wrong-for-question", subject(itemId), itemId + "\n" + question);
        return id;
    }

    @Override
    public boolean retire(String itemId, String maintainer, String reason) {
        Objects.requireNonNull(itemId, "itemId");
        return sql.transaction(c -> {
            boolean done = retire(c, itemId, maintainer == null ? "" : maintainer.strip(), reason, clock.instant());
            if (done) {
                bumpRevision(c);
            }
            return done;
        });
    }

    private static boolean retire(Connection c, String itemId, String maintainer, String reason, Instant now)
            throws SQLException {
        if (!Sql.query(c, "SELECT item_id FROM retired_item WHERE item_id = ? FOR UPDATE", row -> row.getString(1), itemId)
                .isEmpty()) {
            return false;
        }
        Sql.update(c, "INSERT INTO retired_item (item_id, retired_by, retired_at, reason) VALUES (?, ?, ?, ?)",
                itemId, maintainer, now, reason);
        Audit.record(c, now, maintainer, "retire", subject(itemId), itemId + (reason == null ? "" : "\n" + reason));
        return true;
    }

    @Override
    public boolean unretire(String itemId, String maintainer) {
        Objects.requireNonNull(itemId, "itemId");
        return sql.transaction(c -> {
            if (Sql.update(c, "DELETE FROM retired_item WHERE item_id = ?", itemId) == 0) {
                return false;
            }
            Audit.record(c, clock.instant(), maintainer == null ? "" : maintainer.strip(), "unretire", subject(itemId), itemId);
            bumpRevision(c);
            return true;
        });
    }

    @Override
    public List<RetiredItem> retired() {
        return sql.autoCommit(c -> Sql.query(c, "SELECT * FROM retired_item ORDER BY retired_at DESC, item_id",
                row -> new RetiredItem(row.getString("item_id"), row.getString("retired_by"), Sql.instant(row, "retired_at"),
                        row.getString("reason"))));
    }

    @Override
    public List<AgedItem> aged(LocalDate postedBefore, int limit) {
        Objects.requireNonNull(postedBefore, "postedBefore");
        // the item's source as cited by its replies (the same for all of them; MIN picks one portably)
        return sql.autoCommit(c -> Sql.query(c, "SELECT r.item_id, MIN(r.source_file) AS source_file, "
                        + "MIN(r.source_title) AS source_title, MIN(r.source_date) AS source_date, "
                        + "MIN(r.source_url) AS source_url, COUNT(*) AS answers, MAX(r.answered_at) AS last_answered "
                        + "FROM bot_reply r WHERE r.source_date IS NOT NULL AND r.source_date < ? AND r.delivery_id IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM retired_item t WHERE t.item_id = r.item_id) "
                        + "GROUP BY r.item_id ORDER BY COUNT(*) DESC, MIN(r.source_date), r.item_id LIMIT ?",
                row -> new AgedItem(row.getString("item_id"), new Source(row.getString("source_file"),
                        row.getString("source_title"), row.getObject("source_date", LocalDate.class),
                        row.getString("source_url")), row.getLong("answers"), Sql.instant(row, "last_answered")),
                postedBefore, limit));
    }

    @Override
    public List<FeedbackWeek> weekly(Instant since) {
        record Row(Instant answered, boolean wrong, boolean helpful) {
        }
        // one narrow row per answer, grouped here: week arithmetic differs between H2 and PostgreSQL
        List<Row> rows = sql.autoCommit(c -> Sql.query(c, "SELECT r.answered_at, "
                        + "(SELECT COUNT(*) FROM reply_flag f WHERE f.reply_id = r.reply_id AND f.kind = 'wrong') AS wrong, "
                        + "(SELECT COUNT(*) FROM reply_flag f WHERE f.reply_id = r.reply_id AND f.kind = 'helpful') AS helpful "
                        + "FROM bot_reply r WHERE r.answered_at >= ? AND r.delivery_id IS NULL",
                row -> new Row(Sql.instant(row, "answered_at"), row.getLong("wrong") > 0, row.getLong("helpful") > 0),
                since));
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        for (Row row : rows) {
            long[] counts = weeks.computeIfAbsent(FeedbackWeek.weekOf(row.answered()), w -> new long[3]);
            counts[0]++;
            counts[1] += row.wrong() ? 1 : 0;
            counts[2] += row.helpful() ? 1 : 0;
        }
        List<FeedbackWeek> out = new ArrayList<>(weeks.size());
        weeks.forEach((week, counts) -> out.add(new FeedbackWeek(week, counts[0], counts[1], counts[2])));
        return out;
    }

    /** The flagged answer escalation {@code id} carries, if it came from a flag; inside the caller's connection. */
    static Optional<FlaggedAnswer> flaggedAnswer(Connection c, long id) throws SQLException {
        return Optional.ofNullable(flaggedAnswers(c, List.of(id)).get(id));
    }

    /**
     * The flagged answer of each of the escalations {@code ids} that has one (at most a few hundred ids):
     * its first reply and the wrong-flags on all its replies. One query when none has one (the usual
     * case), two otherwise, however many ids: a list of escalations does not ask once per escalation.
     */
    static Map<Long, FlaggedAnswer> flaggedAnswers(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = Sql.placeholders(ids.size());
        record First(long escalation, AnsweredReply reply, String verdict) {
        }
        Map<Long, First> first = new java.util.HashMap<>();
        for (First f : Sql.query(c, "SELECT * FROM bot_reply WHERE escalation_id IN (" + in + ") "
                        + "ORDER BY escalation_id, answered_at, reply_id",
                row -> new First(row.getLong("escalation_id"), reply(row), row.getString("verdict")), ids.toArray())) {
            first.putIfAbsent(f.escalation(), f);
        }
        if (first.isEmpty()) {
            return Map.of();
        }
        record Flags(long escalation, int wrong) {
        }
        Map<Long, Integer> flags = new java.util.HashMap<>();
        for (Flags f : Sql.query(c, "SELECT b.escalation_id, COUNT(*) FROM reply_flag f JOIN bot_reply b "
                        + "ON b.reply_id = f.reply_id WHERE b.escalation_id IN (" + Sql.placeholders(first.size()) + ") "
                        + "AND f.kind = 'wrong' GROUP BY b.escalation_id",
                row -> new Flags(row.getLong(1), row.getInt(2)), first.keySet().toArray())) {
            flags.put(f.escalation(), f.wrong());
        }
        Map<Long, FlaggedAnswer> out = new java.util.HashMap<>();
        for (First f : first.values()) {
            AnsweredReply r = f.reply();
            out.put(f.escalation(), new FlaggedAnswer(r.replyId(), r.question(), r.itemId(), r.answer(), r.source(),
                    r.confidence(), r.answered(), flags.getOrDefault(f.escalation(), 0), Verdict.fromWireName(f.verdict())));
        }
        return out;
    }

    /** The audit subject names the item; long ids are cut to the column's width, the detail has them whole. */
    private static String subject(String itemId) {
        String subject = "item/" + itemId;
        return subject.length() <= 100 ? subject : subject.substring(0, 100);
    }

    private static AnsweredReply reply(ResultSet row) throws SQLException {
        LocalDate date = row.getObject("source_date", LocalDate.class);
        return new AnsweredReply(row.getString("reply_id"), Platform.fromWireName(row.getString("platform")),
                row.getString("chat"), row.getString("thread"),
                new Sender(row.getString("asker_id"), row.getString("asker_name")), row.getString("asker_message"),
                row.getString("question"), row.getString("item_id"), row.getInt("turn_index"), row.getString("answer"),
                new Source(row.getString("source_file"), row.getString("source_title"), date, row.getString("source_url")),
                row.getDouble("confidence"), Sql.instant(row, "answered_at"));
    }
}
