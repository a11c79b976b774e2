package io.qabot.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bots as separate processes ({@code java … io.qabot.app.Main serve}), configured through the
 * environment, for tests that kill them with SIGKILL: no shutdown hook, no flush, like a power
 * cut or the OOM killer. Each process logs at the app's own INFO level into
 * {@code target/<name>.log}, the evidence when a test fails. Closing kills what is left.
 */
final class BotProcesses implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();

    /** Starts {@code qabot serve} on {@code port} with exactly {@code env} as its QABOT_ settings. */
    Process serve(Map<String, String> env, int port, String name) throws IOException {
        Path log = log(name);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                // the app's own logging (INFO), not the tests' quieter one: the log is the evidence when this fails
                "-Dlogback.configurationFile=logback.xml", "io.qabot.app.Main", "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QABOT_"));
        builder.environment().putAll(env);
        builder.environment().put("QABOT_HTTP_PORT", Integer.toString(port));
        Process process = builder.start();
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    static Path log(String name) {
        return Path.of("target", name + ".log");
    }

    /** SIGKILL, and waits until the process is gone. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL");
        }
    }

    static void awaitReady(WebhookClient client, Process process) throws Exception {
        Eventually.await(Duration.ofSeconds(60), "the bot process serves /readyz", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bot exited with " + process.exitValue());
            }
            return client.send("GET", "/readyz", null, null).statusCode();
        }, status -> status == 200);
    }

    /** Waits until the process has logged a line containing {@code text}; returns the whole log so far. */
    static String awaitLogLine(String name, Process process, String text) throws Exception {
        return Eventually.await(Duration.ofSeconds(60), "the bot logs '" + text + "'", () -> {
            String log = Files.readString(log(name), StandardCharsets.UTF_8);
            if (!log.contains(text) && !process.isAlive()) {
                throw new IllegalStateException("the bot exited with " + process.exitValue() + ":\n" + log);
            }
            return log;
        }, log -> log.contains(text));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        synchronized (started) {
            started.forEach(Process::destroyForcibly);
        }
    }

    static {
        // the children's log files land in target/
        new File("target").mkdirs();
    }
}
