package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store on the embedded default: an H2 file under the data folder. */
class H2StoreTest extends FeedbackStoreContract {
    @Override
    Optional<String> url() {
        return Optional.empty();
    }

    /**
     * The soak's slow maintainer turn: a list asked two statements per escalation (its askers, its
     * flagged answer). Now it asks three in all, however many escalations and askers it lists.
     * Counted by H2's own statistics (database-wide, so what the store's pool runs is in them).
     */
    @Test
    void aListOfTenQuestionsWithFiveHundredAskersEachIsReadInThreeStatements() throws Exception {
        seed(10, 500, "open");
        java.util.Map<String, Long> ran = statementsRun(() ->
                assertEquals(10, store.escalations().list(Optional.of(io.qabot.core.Escalation.Status.OPEN), 500).size()));
        assertTrue(ran.values().stream().mapToLong(Long::longValue).sum() <= 3, "statements run: " + ran);
    }

    /** The lists' first askers and counts: three statements too (escalations, first askers, flagged answers). */
    @Test
    void aListOfFirstAskersOfTenQuestionsWithFiveHundredAskersEachIsReadInThreeStatements() throws Exception {
        seed(10, 500, "open");
        java.util.Map<String, Long> ran = statementsRun(() ->
                assertEquals(10, store.escalations().listed(java.util.Set.of(), 500, 5).size()));
        assertTrue(ran.values().stream().mapToLong(Long::longValue).sum() <= 3, "statements run: " + ran);
    }

    /**
     * The statements {@code work} ran, by H2's own statistics (database-wide, so what the store's
     * pool runs is in them), with how often each ran.
     */
    private java.util.Map<String, Long> statementsRun(Runnable work) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(Store.embeddedUrl(dataDir));
             java.sql.Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS TRUE");
            work.run();
            java.util.Map<String, Long> ran = new java.util.TreeMap<>();
            try (java.sql.ResultSet r = s.executeQuery("SELECT sql_statement, execution_count "
                    + "FROM information_schema.query_statistics")) {
                while (r.next()) {
                    if (!r.getString(1).toLowerCase(java.util.Locale.ROOT).contains("query_statistics")) {
                        ran.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            s.execute("SET QUERY_STATISTICS FALSE");
            return ran;
        }
    }

    @Test
    void compactingAfterThePruneGivesTheFileBackTheRoomTheDeletedQuestionsTook() throws Exception {
        java.nio.file.Path file = dataDir.resolve("qabot.mv.db");
        long full = fillAndPrune(1);
        java.util.List<java.time.Duration> pauses = new java.util.ArrayList<>();
        FileCompaction.Result done = store.compact(java.time.Duration.ofMinutes(1), () -> false, pauses::add).orElseThrow();
        long compacted = Files.size(file);
        assertTrue(compacted < full / 2, "the file went from " + full + " to " + compacted + " bytes");
        assertEquals(0, store.questions().stats(START, 5).asked());
        // the bot's writes get the lock at least half the time however slow the disk: after each
        // slice but the last a pause at least as long as that slice
        assertEquals(done.slices() - 1, pauses.size(), done.toString());
        assertTrue(pauses.stream().allMatch(p -> p.compareTo(FileCompaction.MIN_PAUSE) >= 0), pauses.toString());
        assertTrue(done.paused().compareTo(done.working().minus(done.longestSlice())) >= 0, done.toString());
    }

    /**
     * The soak's 2-second timeouts: H2's compactFile held the lock every commit needs for all of
     * its work. Now a write that comes while the compaction is under way goes through in the pause
     * after the slice that is running (here the compaction waits in its first pause until the write
     * is done, so a write that needed the whole compaction to end would never finish), and the
     * compaction carries on after it.
     */
    @Test
    void aWriteDuringCompactionGoesThroughBetweenSlicesNotAfterTheWholeCompaction() throws Exception {
        fillAndPrune(2); // every other question stays: half the file is live, in sparse chunks
        long kept = store.questions().stats(START, 5).asked();
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService upkeep = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Optional<FileCompaction.Result>> compaction = upkeep.submit(() ->
                    // with 1 MiB moves only, this took 125-152 slices as a rule, but 7,442 once and
                    // more than 13,244 once: the chunk at the file's end was larger than a move (see
                    // aChunkLargerThanASlice...); moves now grow until the file shortens, and the
                    // budget stays generous: the upkeep's next run carries on where one stopped
                    store.compact(java.time.Duration.ofMinutes(4), () -> false, pause -> {
                        if (paused.getCount() > 0) {
                            paused.countDown();
                            await(written);
                        }
                    }));
            assertTrue(paused.await(60, java.util.concurrent.TimeUnit.SECONDS), "the compaction reached its first pause");

            store.questions().record(java.util.List.of(new io.qabot.core.desk.AskedQuestion(START.plusSeconds(60),
                    io.qabot.core.Platform.WEBHOOK, "asked while compacting", io.qabot.knowledge.Decision.ESCALATE, "during")));
            written.countDown();

            FileCompaction.Result done = compaction.get(5, java.util.concurrent.TimeUnit.MINUTES).orElseThrow();
            // tens of MiB to give back: the compaction goes on in slices after the write (one
            // unbounded step, H2's compactFile, would have held the write back for all of it), and
            // they give most of it back (a progress check that saw chunks moved into holes as idle
            // stopped after four slices)
            assertTrue(done.slices() >= 2, "the compaction went on in slices after the write: " + done);
            assertTrue(done.fileAfter() < done.fileBefore() / 2, "the compaction gave the room back: " + done);
            assertEquals(kept + 1, store.questions().stats(START, 5).asked(), "the write made during the compaction is kept");
        } finally {
            written.countDown();
            upkeep.shutdownNow();
        }
    }

    /**
     * The two-hour soak's file grew to 277 MiB with its compactions giving nothing back: the chunk
     * at the file's end was larger than a slice's move, and H2's mover only moves chunks that fit
     * in it, so the holes before that chunk could be filled but the file never shortened. Here
     * many small commits are followed by one commit larger than a slice, which H2 puts at the end
     * of the file; the small commits' questions are then pruned, leaving holes before it.
     */
    @Test
    void aChunkLargerThanASliceAtTheEndOfTheFileDoesNotStopTheFileFromShrinking() throws Exception {
        String padding = "请问这个问题为什么这么长 ".repeat(20);
        for (int i = 0; i < 3_000; i++) {
            store.questions().record(java.util.List.of(new io.qabot.core.desk.AskedQuestion(START,
                    io.qabot.core.Platform.WEBHOOK, padding + i, io.qabot.knowledge.Decision.ESCALATE, "small-" + i)));
        }
        java.util.List<io.qabot.core.desk.AskedQuestion> big = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            big.add(new io.qabot.core.desk.AskedQuestion(START.plusSeconds(2), io.qabot.core.Platform.WEBHOOK,
                    padding + "kept " + i, io.qabot.knowledge.Decision.ESCALATE, "big-" + i));
        }
        store.questions().record(big);
        while (store.questions().prune(START.plusSeconds(1), 1_000) > 0) {
            // a batch at a time, as the retention does
        }
        FileCompaction.Result done = store.compact(java.time.Duration.ofMinutes(2), () -> false, pause -> { })
                .orElseThrow();
        assertTrue(done.fileAfter() < done.fileBefore() / 2, "the file shrank past the large chunk at its end: " + done);
        assertEquals(6_000, store.questions().stats(START, 5).asked(), "the kept questions are all there");
    }

    /**
     * 20,000 long questions written, then those older than the retention pruned, as the upkeep
     * does: all of them, or with {@code every} 2 every other one. Returns the file's length when full.
     */
    private long fillAndPrune(int every) throws Exception {
        String padding = "请问这个问题为什么这么长 ".repeat(20);
        for (int batch = 0; batch < 40; batch++) {
            java.util.List<io.qabot.core.desk.AskedQuestion> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                asked.add(new io.qabot.core.desk.AskedQuestion(i % every == 0 ? START : START.plusSeconds(2),
                        io.qabot.core.Platform.WEBHOOK, padding + batch + "/" + i, io.qabot.knowledge.Decision.ESCALATE, "topic-" + batch + "/" + i));
            }
            store.questions().record(asked);
        }
        long full = Files.size(dataDir.resolve("qabot.mv.db"));
        while (store.questions().prune(START.plusSeconds(1), 1_000) > 0) {
            // a batch at a time, as the retention does
        }
        return full;
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the write did not go through while the compaction paused");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theEmbeddedDatabaseLivesInTheDataFolder() {
        assertEquals(Store.Kind.H2, store.kind());
        assertTrue(Files.exists(dataDir.resolve("qabot.mv.db")));
    }
}
