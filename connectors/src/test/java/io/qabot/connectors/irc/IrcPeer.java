package io.qabot.connectors.irc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The other end of an IRC line conversation, for tests: a person's client connected to the
 * real server, or the server side of a scripted one. Lines are read on a thread of their
 * own and waited for with a deadline.
 */
final class IrcPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    IrcPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the test or the other side hung up
            }
        }, "irc-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static IrcPeer connect(int port) throws IOException {
        return new IrcPeer(new Socket("127.0.0.1", port));
    }

    /** Registers as a person would and waits for the welcome. */
    IrcPeer register(String nick) throws Exception {
        send("NICK " + nick);
        send("USER " + nick + " 0 * :" + nick);
        await(line -> line.contains(" 001 "), Duration.ofSeconds(10));
        return this;
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The first line (skipping others) that matches, or an assertion error naming what was awaited. */
    String await(Predicate<String> wanted, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no awaited line within " + within);
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** The next line starting with {@code command} (as the bot sends commands, without a prefix). */
    String awaitCommand(String command) throws InterruptedException {
        return await(line -> line.startsWith(command), Duration.ofSeconds(10));
    }

    /** The next line within {@code millis}, or null. */
    String nextWithin(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
