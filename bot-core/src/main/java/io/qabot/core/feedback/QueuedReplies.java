package io.qabot.core.feedback;

import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.FlagKind;
import io.qabot.core.FlagReceipt;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.Platform;
import io.qabot.core.desk.FeedbackWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback store with the bot's replies written off the message path: {@link #remember} and
 * {@link #postedAs} go into a bounded queue that one thread writes in batches (the replies of a
 * batch in one transaction, its post ids in another), in the order they came but for post ids
 * after replies ({@link #write}). Everything that reads goes through
 * {@link #flush()} first, so a flag, a reaction or a "不对" right after an answer finds it.
 *
 * <p>Nothing is dropped: when the queue is full (the store fell behind), a reply is written on
 * the caller's thread as before, counted and logged; after {@link #close()} likewise. Close
 * writes what is queued before it returns; close it before the store it writes to (serve's
 * {@code Lifecycle} closes in the reverse order of starting). A batch that fails is written one
 * reply at a time, and a reply that still fails is logged, as a failed write on the message path was.
 */
public final class QueuedReplies implements FeedbackStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueuedReplies.class);
    /** Waiting replies, about 1 KiB each. */
    public static final int CAPACITY = 4_096;
    private static final int BATCH = 256;

    private final FeedbackStore store;
    private final BlockingQueue<Write> queue;
    /** One permit per queued write: the writer waits on it without taking anything off the queue. */
    private final Semaphore queued = new Semaphore(0);
    /** Held while writes are taken off the queue and written, so a flush sees every earlier write done. */
    private final Object writing = new Object();
    private final AtomicLong overflowed = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    private sealed interface Write {
    }

    private record Remember(AnsweredReply reply) implements Write {
    }

    private record Posted(String replyId, String postId) implements Write {
    }

    public QueuedReplies(FeedbackStore store) {
        this(store, CAPACITY);
    }

    /** With room for {@code capacity} waiting writes (replies and post ids). */
    public QueuedReplies(FeedbackStore store, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeWhileOpen, "qabot-reply-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void remember(AnsweredReply reply) {
        Objects.requireNonNull(reply, "reply");
        if (!offer(new Remember(reply))) {
            store.remember(reply);
        }
    }

    @Override
    public void postedAs(String replyId, String postId) {
        if (!offer(new Posted(replyId, postId))) {
            flush(); // the reply's own row first
            store.postedAs(replyId, postId);
        }
    }

    @Override
    public void rememberAll(List<AnsweredReply> replies) {
        replies.forEach(this::remember);
    }

    /** Whether {@code write} was queued; false when the caller must write it itself (full, or closed). */
    private boolean offer(Write write) {
        if (!closed && queue.offer(write)) {
            queued.release();
            if (closed) {
                flush(); // close() may have written the queue already: this one is written here
            }
            return true;
        }
        if (!closed) {
            long count = overflowed.incrementAndGet();
            if (count == 1 || count % 1_000 == 0) {
                log.warn("replies: {} waiting for the store, the most kept; writing on the message path ({} so far)",
                        queue.size(), count);
            }
        }
        return false;
    }

    /** Writes everything queued before this call; returns when it is in the store. */
    public void flush() {
        synchronized (writing) {
            List<Write> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    /** Replies that found the queue full and were written on the caller's thread. */
    public long overflowed() {
        return overflowed.get();
    }

    /** Writes what is queued and stops the writer; later replies are written on the caller's thread. */
    @Override
    public void close() {
        closed = true;
        queued.release();
        boolean interrupted = false;
        try {
            writer.join();
        } catch (InterruptedException e) {
            interrupted = true; // written all the same: the flush waits for the writer's batch
        }
        flush();
        if (overflowed.get() > 0) {
            log.info("replies: {} were written on the message path because the queue was full", overflowed.get());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeWhileOpen() {
        try {
            while (!closed) {
                queued.acquire();
                synchronized (writing) {
                    List<Write> batch = new ArrayList<>();
                    queue.drainTo(batch, BATCH);
                    write(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() writes what is left
        }
    }

    /**
     * The batch's replies in one transaction, then its post ids in another. A post id is queued
     * after its own reply (the platform names the post once the reply is sent), so it still comes
     * after it, and a reply depends on no post id. Interleaved, as they come on a platform that
     * names its posts, writing them in order cost two commits per reply.
     */
    private void write(List<Write> writes) {
        List<AnsweredReply> replies = new ArrayList<>();
        Map<String, String> postIds = new LinkedHashMap<>();
        for (Write w : writes) {
            if (w instanceof Remember r) {
                replies.add(r.reply());
            } else if (w instanceof Posted p) {
                postIds.put(p.replyId(), p.postId()); // a later id for the same reply wins, as in order
            }
        }
        writeReplies(replies);
        writePostIds(postIds);
    }

    private void writePostIds(Map<String, String> postIds) {
        if (postIds.isEmpty()) {
            return;
        }
        try {
            store.postedAsAll(postIds);
        } catch (RuntimeException batchFailed) {
            postIds.forEach((replyId, postId) -> {
                try {
                    store.postedAs(replyId, postId);
                } catch (RuntimeException e) {
                    log.warn("could not record that reply {} was posted as {}: {}", replyId, postId, e.toString());
                }
            });
        }
    }

    private void writeReplies(List<AnsweredReply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        try {
            store.rememberAll(replies);
        } catch (RuntimeException batchFailed) {
            for (AnsweredReply reply : replies) {
                try {
                    store.remember(reply);
                } catch (RuntimeException e) {
                    log.warn("could not remember reply {} in {}; it cannot be flagged: {}", reply.replyId(), reply.chat(),
                            e.toString());
                }
            }
        }
    }

    @Override
    public Optional<AnsweredReply> reply(Platform platform, String chat, String reference) {
        flush();
        return store.reply(platform, chat, reference);
    }

    @Override
    public Optional<AnsweredReply> latest(Platform platform, String chat, String thread, Instant since) {
        flush();
        return store.latest(platform, chat, thread, since);
    }

    @Override
    public FlagReceipt flag(AnsweredReply reply, FlagKind kind, Asker flagger) {
        flush();
        return store.flag(reply, kind, flagger);
    }

    @Override
    public Corrections corrections() {
        return store.corrections();
    }

    @Override
    public long revision() {
        return store.revision();
    }

    @Override
    public Optional<Escalation> decide(long escalationId, FlaggedAnswer.Verdict verdict, String maintainer) {
        return store.decide(escalationId, verdict, maintainer);
    }

    @Override
    public long avoid(String itemId, String question, String maintainer) {
        return store.avoid(itemId, question, maintainer);
    }

    @Override
    public boolean retire(String itemId, String maintainer, String reason) {
        return store.retire(itemId, maintainer, reason);
    }

    @Override
    public boolean unretire(String itemId, String maintainer) {
        return store.unretire(itemId, maintainer);
    }

    @Override
    public List<RetiredItem> retired() {
        return store.retired();
    }

    @Override
    public List<AgedItem> aged(LocalDate postedBefore, int limit) {
        flush();
        return store.aged(postedBefore, limit);
    }

    @Override
    public List<FeedbackWeek> weekly(Instant since) {
        flush();
        return store.weekly(since);
    }
}
