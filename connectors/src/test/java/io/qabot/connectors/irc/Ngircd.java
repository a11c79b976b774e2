package io.qabot.connectors.irc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real IRC server for the test: Debian's ngircd, started in the foreground on a free
 * loopback port with a configuration written to a temporary folder (never the system
 * service). Tests are skipped, saying why, where ngircd is not installed.
 */
final class Ngircd implements AutoCloseable {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/ngircd"), Path.of("/usr/bin/ngircd"),
            Path.of("/usr/local/sbin/ngircd"), Path.of("/usr/local/bin/ngircd"));

    private final Path binary;
    private final Path config;
    private final Path log;
    final int port;
    private Process process;

    private Ngircd(Path binary, Path folder, int port) throws IOException {
        this.binary = binary;
        this.port = port;
        this.config = folder.resolve("ngircd.conf");
        this.log = folder.resolve("ngircd.log");
        Files.writeString(config, String.join("\n",
                "[Global]",
                "\tName = irc.qabot.test",
                "\tInfo = qabot test server",
                "\tAdminInfo1 = qabot tests",
                "\tAdminInfo2 = loopback only",
                "\tAdminEMail = nobody@localhost",
                "\tListen = 127.0.0.1",
                "\tPorts = " + port,
                "\tMotdPhrase = \"qabot test server\"",
                "[Limits]",
                "\tMaxNickLength = 30",
                "\tPingTimeout = 120",
                "\tPongTimeout = 20",
                "[Options]",
                "\tPAM = no",
                "\tIdent = no",
                "\tDNS = no",
                ""), StandardCharsets.UTF_8);
    }

    /** Starts ngircd, or skips the calling test with the reason when it is not installed. */
    static Ngircd start(Path folder) throws Exception {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(binary != null, "ngircd is not installed (apt-get install -y ngircd): skipping the IRC end-to-end test");
        Ngircd server = new Ngircd(binary, folder, freePort());
        server.launch();
        return server;
    }

    void launch() throws Exception {
        process = new ProcessBuilder(binary.toString(), "--nodaemon", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ngircd exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("ngircd did not listen on " + port + " within 10 s: " + Files.readString(log));
    }

    /** Stops the server, dropping every connection, as a crash or a restart would. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
