package io.qabot.app;

import java.util.concurrent.atomic.AtomicBoolean;

/** A started bot: the port it serves on, and how to stop it (once; later calls do nothing). */
final class Serving implements AutoCloseable {
    private final int port;
    private final Runnable stop;
    private final AtomicBoolean stopped = new AtomicBoolean();

    Serving(int port, Runnable stop) {
        this.port = port;
        this.stop = stop;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            stop.run();
        }
    }
}
