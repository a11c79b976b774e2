package io.qabot.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running bot, recorded as each starts and closed in the reverse order: what
 * started last stops first, so no part is closed while one started after it may still use it,
 * and a start that fails half-way closes exactly what had started. Start and shutdown are one
 * list, so they cannot drift apart.
 */
final class Lifecycle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    /** How a part stops. */
    @FunctionalInterface
    interface Closer {
        void close() throws Exception;
    }

    private record Part(String name, Closer closer) {
    }

    private final Deque<Part> started = new ArrayDeque<>();

    /** Records {@code part} as started, closed by its own {@code close()}; returns it. */
    <T extends AutoCloseable> T started(String name, T part) {
        onClose(name, part::close);
        return part;
    }

    /** Records that {@code name} started and how it stops: {@link #close()} runs {@code closer}. */
    synchronized void onClose(String name, Closer closer) {
        started.push(new Part(name, closer));
    }

    /** Closes every part, the last started first; a part that fails to close is logged and the rest still close. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.closer().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the rest still close; the caller sees the flag
                log.warn("{}: interrupted while closing", part.name());
            } catch (Exception e) {
                log.warn("{} failed to close", part.name(), e);
            }
        }
    }
}
