package io.qabot.store;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Compacts the embedded database's file in short slices, with the bot's writes let in between.
 *
 * <p>Why not H2's {@code compactFile(ms)}: it takes the store's lock, which every commit needs
 * ({@code WRITE_DELAY=0}), and keeps it for all of its work; it looks at the clock only after
 * each round of rewriting and moving up to 16 MiB with three fsyncs, so its "2 seconds" ran
 * longer on a busy disk, and the webhook's writes waited behind it (the hour-long soak's 2-second
 * timeouts, README "Start-up, memory and retention"). A slice here is the same two steps, each
 * bounded: live pages out of sparse chunks ({@link MVStore#compact}, {@link #SLICE_BYTES}), then
 * chunks moved towards the start of the file and the file shortened
 * ({@link RandomAccessStore#compactMoveChunks}, {@link #SLICE_BYTES} growing to at most
 * {@link #MAX_MOVE_BYTES} while the file does not shorten, see {@link #slice}). Each step takes the lock for itself only, and
 * {@code betweenSlices} runs with no lock held, so a commit waits for one slice at most.
 *
 * <p>The pause after a slice is at least as long as the slice took, so the compaction holds the
 * lock at most half the time however slow the disk is. On a disk other jobs keep busy a slice's
 * fsyncs take up to a second (the hour-long soak beside four builds: 0.3–1.1 s), and a time
 * budget spent in a handful of such slices gave nothing back; the upkeep's budget is long for
 * that reason, and this pause is what keeps a long budget from starving the bot's writes.
 */
final class FileCompaction {
    /** H2's own threshold ({@code autoCompactFillRate}): chunks fuller than this are not worth rewriting. */
    static final int FILL_RATE = 90;
    /** The most one step of a slice writes: about 20 ms of work on this machine's disk under load. */
    static final int SLICE_BYTES = 1 << 20;

    /**
     * The most a slice's move may take once moves of {@link #SLICE_BYTES} stopped shortening the
     * file: H2's own compactFile moves this much a round.
     */
    static final int MAX_MOVE_BYTES = 16 << 20;

    /** The shortest pause between slices: enough for the commits waiting for the lock to take it. */
    static final Duration MIN_PAUSE = Duration.ofMillis(20);
    /** Slices in a row that changed nothing before it stops. */
    private static final int IDLE_SLICES = 3;

    private final MVStore store;
    private final Consumer<Duration> betweenSlices;
    private int idle;
    private int moveBytes = SLICE_BYTES;

    /**
     * @param betweenSlices runs after every slice but the last, with no lock of the store held,
     *     given how long to pause ({@link #MIN_PAUSE}, or as long as the slice took if longer): in
     *     production it parks for that long, so the commits waiting for the lock get it first
     */
    FileCompaction(MVStore store, Consumer<Duration> betweenSlices) {
        this.store = store;
        this.betweenSlices = betweenSlices;
    }

    /**
     * What one compaction did: how many slices, the longest, the time spent in slices and in the
     * pauses between them, and the file's length before and after.
     */
    record Result(int slices, Duration longestSlice, Duration working, Duration paused, long fileBefore, long fileAfter) {
    }

    /**
     * Compacts until nothing is worth rewriting, {@code maxTime} has passed or {@code stop} says
     * so, whichever comes first. {@code stop} is asked after each slice and after each pause, so a
     * stop waits for one slice at most; the thread's interrupt flag ends it too, but only as a
     * last resort: the interrupt may already have closed the database.
     */
    Result run(Duration maxTime, BooleanSupplier stop) {
        FileStore<?> file = store.getFileStore();
        long before = file.size();
        // as compactFile does: space that chunks free may be written over at once, not after
        // H2's 45-second retention, or moving chunks would find no room
        store.setRetentionTime(0);
        long deadline = System.nanoTime() + maxTime.toNanos();
        int slices = 0;
        long longest = 0;
        long working = 0;
        long paused = 0;
        while (true) {
            long started = System.nanoTime();
            boolean more = slice(file);
            long took = System.nanoTime() - started;
            longest = Math.max(longest, took);
            working += took;
            slices++;
            // the bot stopping: what is compacted so far stays, the rest waits for the next run
            if (!more || System.nanoTime() - deadline >= 0 || stopping(stop)) {
                break;
            }
            long pause = Math.max(MIN_PAUSE.toNanos(), took);
            betweenSlices.accept(Duration.ofNanos(pause));
            paused += pause;
            if (stopping(stop)) {
                break;
            }
        }
        return new Result(slices, Duration.ofNanos(longest), Duration.ofNanos(working), Duration.ofNanos(paused),
                before, file.size());
    }

    private static boolean stopping(BooleanSupplier stop) {
        return stop.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /**
     * One slice, a round of H2's compactFile made small: the live pages of sparse chunks
     * rewritten, then chunks moved into the holes and the file shortened (which also stores the
     * rewritten pages), the rewrite at most {@link #SLICE_BYTES}, the move as below. False when the chunks are full and
     * the file has no holes worth filling, or when {@link #IDLE_SLICES} slices in a row changed
     * nothing with the largest move (a commit held the lock, or what is left cannot be moved).
     *
     * <p>H2 moves only chunks that fit in the move all together, so a chunk larger than a slice (a
     * big commit, or the chunk a rewrite itself wrote) stays where it is; when it is the file's last
     * one the holes before it can be filled but the file never shortens (the two-hour soak's file:
     * 277 MiB, 29 % of it live, every compaction giving nothing back). A move that did not shorten
     * the file is doubled for the next slice, up to {@link #MAX_MOVE_BYTES}; one that did goes back
     * to {@link #SLICE_BYTES}. The pause after a slice grows with it, so the bot's share of the
     * lock does not shrink.
     */
    private boolean slice(FileStore<?> file) {
        RandomAccessStore holes = file instanceof RandomAccessStore r ? r : null;
        int chunksFill = file.getChunksFillRate();
        int fileFill = holes == null ? 100 : holes.getFillRate();
        if (chunksFill > FILL_RATE && fileFill > FILL_RATE) {
            return false;
        }
        // Progress is what the slice wrote: moving a chunk into a hole near the start changes
        // neither the file's length nor its fill rate until the tail is empty, and rewriting a
        // 1 MiB slice of a large file's sparse chunks moves neither whole-percent fill rate, so
        // those alone would call a working slice idle (a commit's writes in between count too;
        // the time budget bounds that).
        long writes = file.getWriteCount();
        // H2 tries the lock for 10 ms and skips the step if a commit holds it: the next slice tries again
        boolean rewrote = store.compact(FILL_RATE, SLICE_BYTES);
        boolean growing = false;
        if (holes != null) {
            long length = file.size();
            holes.compactMoveChunks(FILL_RATE, moveBytes, store);
            if (file.size() < length) {
                moveBytes = SLICE_BYTES;
            } else if (moveBytes < MAX_MOVE_BYTES) {
                moveBytes = Math.min(2 * moveBytes, MAX_MOVE_BYTES);
                growing = true;
            }
        }
        boolean changed = rewrote || file.getWriteCount() != writes;
        // a slice that changed nothing while its move is still growing is not idle: the next, larger
        // move may take the chunk that holds the file's end
        idle = changed || growing ? 0 : idle + 1;
        return idle < IDLE_SLICES;
    }
}
