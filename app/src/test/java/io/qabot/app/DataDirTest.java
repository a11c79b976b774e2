package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder the bot cannot write to, or whose disk is (nearly) full, stops {@code serve}
 * at start-up with exit status 2 and one line naming the folder and the operating system's
 * reason, before the database is opened.
 *
 * <p>Tests run as root in CI, where no permission bit stops a write; so the refusals come from
 * real file systems: sysfs, which refuses new files to everyone, and, where the kernel lets an
 * unprivileged user make a mount namespace ({@code unshare}), a read-only tmpfs and a 256 KiB
 * tmpfs filled to the last byte. "Too little free space" is also checked in process by demanding
 * more than the disk has.
 */
class DataDirTest {
    @TempDir
    Path tmp;

    @Test
    void aDataDirOnAFileSystemThatRefusesNewFilesStopsServeWithOneLine() {
        Path sysfs = Path.of("/sys/kernel");
        Assumptions.assumeTrue(Files.isDirectory(sysfs), "no /sys/kernel: not Linux, no sysfs to refuse writes");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("serve"), Map.of("QABOT_DATA_DIR", sysfs.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, status, line);
        assertEquals(1, line.lines().count(), line);
        // sysfs says "Permission denied" when mounted read-write, "Read-only file system" in a container
        assertTrue(line.matches("qabot: dataDir: /sys/kernel is not writable: (permission denied|Read-only file system)"),
                line);
    }

    @Test
    void tooLittleFreeSpaceStopsStartUpBeforeTheDatabaseIsCreated() throws Exception {
        Path dataDir = tmp.resolve("data");
        long disk = Files.getFileStore(tmp).getTotalSpace();
        Map<String, String> env = Map.of("QABOT_DATA_DIR", dataDir.toString());
        QabotConfig config = ConfigLoader.load(Optional.empty(), env);
        ServeCommand serve = new ServeCommand(new KnowledgeSources(new KnowledgeReader()),
                new Configuration(env, warning -> { }), new DataDirProbe(disk + 1)); // more than the whole disk

        UsageException e = assertThrows(UsageException.class, () -> serve.start(config, Clock.systemUTC(), BotFixture.FAST));

        assertTrue(e.getMessage().matches("dataDir: " + java.util.regex.Pattern.quote(dataDir.toString())
                + " has \\d+ MiB free; qabot needs at least \\d+ MiB there for its database"), e.getMessage());
        try (Stream<Path> left = Files.list(dataDir)) {
            assertEquals(List.of(), left.toList(), "no database, no probe file left behind");
        }
    }

    @Test
    void aReadOnlyAFullAndASmallFileSystemEachStopServeWithTheirReason() throws Exception {
        Assumptions.assumeTrue(canMountInANamespace(),
                "unshare --user --mount is not allowed here (no unprivileged user namespaces): real read-only and full"
                        + " file systems cannot be made without privileges; sysfs and the in-process check still ran");
        for (String folder : List.of("ro", "full", "small")) {
            Files.createDirectories(tmp.resolve(folder));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // inside a private mount namespace: mount the three file systems, then start serve on each
        String script = """
                mount -t tmpfs -o ro,size=1m tmpfs "$1/ro" &&
                mount -t tmpfs -o size=256k tmpfs "$1/full" && { head -c 1048576 /dev/zero > "$1/full/fill" 2>/dev/null; true; } &&
                mount -t tmpfs -o size=8m tmpfs "$1/small" || exit 99
                for folder in ro full small; do
                  QABOT_DATA_DIR="$1/$folder/data" "$2" -cp "$3" io.qabot.app.Main serve
                  echo "exit $?"
                done
                """;
        Process process = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                tmp.toString(), java, System.getProperty("java.class.path"))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);

        List<String> lines = out.lines().filter(l -> l.startsWith("qabot: ") || l.startsWith("exit ")).toList();
        assertEquals(List.of(
                "qabot: dataDir: " + tmp + "/ro/data is not writable: Read-only file system", "exit 2",
                "qabot: dataDir: " + tmp + "/full/data is not writable: No space left on device", "exit 2",
                "qabot: dataDir: " + tmp + "/small/data has 8 MiB free; qabot needs at least 64 MiB there for its database",
                "exit 2"), lines, out);
        assertFalse(out.contains("Exception"), out);
    }

    private static boolean canMountInANamespace() {
        try {
            Process probe = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                    "mount -t tmpfs tmpfs /mnt").redirectErrorStream(true).start();
            probe.getOutputStream().close();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
