package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./qabot} launcher's first run, which builds the jar: run on a copy of the script
 * with stand-ins for {@code mvn} (writing the colour resets Maven 3.8 writes even in batch mode)
 * and {@code java}, so what a new user sees on their terminal is checked without a real build.
 */
class LauncherTest {
    @TempDir
    Path root;
    @TempDir
    Path bin;

    @Test
    void theFirstBuildShowsNoEscapeCodesAndAFailedOneShowsMavensOutputWithout() throws Exception {
        Files.copy(Path.of(System.getProperty("qabot.root", ".."), "qabot"), root.resolve("qabot"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        tool("mvn", """
                #!/bin/sh
                printf '\\033[0m\\033[0m'
                if [ -n "$FAIL" ]; then printf '[ERROR] \\033[1mCOMPILATION ERROR\\033[m\\n'; exit 1; fi
                mkdir -p app/target && touch app/target/qabot.jar
                """);
        tool("java", "#!/bin/sh\necho \"java $*\"\n");

        Result ok = run(false);
        assertEquals(0, ok.status, ok.err);
        // the default heap (QABOT_JAVA_OPTS unset), and no class-data archive for a --help
        assertEquals("java -Xmx128m -Xms32m -Xmn24m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
                + " -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError -jar " + root.resolve("app/target/qabot.jar") + " --help\n", ok.out);
        assertFalse(ok.err.contains("\u001b"), "no escape codes: " + ok.err);
        assertEquals("qabot: building " + root.resolve("app/target/qabot.jar") + " ...\n", ok.err);

        Files.delete(root.resolve("app/target/qabot.jar"));
        Result failed = run(true);
        assertEquals(1, failed.status);
        assertFalse(failed.err.contains("\u001b"), "no escape codes: " + failed.err);
        assertTrue(failed.err.contains("[ERROR] COMPILATION ERROR"), failed.err);
        assertTrue(failed.err.contains("qabot: the build failed"), failed.err);
    }

    @Test
    void serveKeepsAClassDataArchiveOfItsOwnAndTheOtherCommandsShareAsks() throws Exception {
        Files.copy(Path.of(System.getProperty("qabot.root", ".."), "qabot"), root.resolve("qabot"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        tool("mvn", "#!/bin/sh\nmkdir -p app/target && touch app/target/qabot.jar\n");
        tool("java", "#!/bin/sh\necho \"java $*\"\n");
        assertEquals(0, run(false).status);
        Path serve = root.resolve("app/target/qabot-serve.jsa");
        Path shared = root.resolve("app/target/qabot.jsa");

        // no archive yet: serve writes its own as it exits, ask the shared one
        assertTrue(run("serve").out.contains("-XX:ArchiveClassesAtExit=" + serve + " "));
        assertTrue(run("ask", "q").out.contains("-XX:ArchiveClassesAtExit=" + shared + " "));

        Files.writeString(serve, "archived by serve");
        assertTrue(run("serve").out.contains("-XX:SharedArchiveFile=" + serve + " "));
        String ask = run("ask", "q").out;
        assertTrue(ask.contains("-XX:ArchiveClassesAtExit=" + shared + " "), "ask never maps serve's archive: " + ask);

        Files.writeString(shared, "archived by ask");
        assertTrue(run("eval").out.contains("-XX:SharedArchiveFile=" + shared + " "));
        assertTrue(run("serve").out.contains("-XX:SharedArchiveFile=" + serve + " "));
    }

    private void tool(String name, String script) throws Exception {
        Path tool = bin.resolve(name);
        Files.writeString(tool, script);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("qabot").toString());
        builder.command().addAll(java.util.List.of(args));
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().remove("QABOT_JAVA_OPTS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        return new Result(process.exitValue(), out, err);
    }

    private Result run(boolean fail) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("qabot").toString(), "--help");
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().remove("QABOT_JAVA_OPTS");
        if (fail) {
            builder.environment().put("FAIL", "1");
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Result(process.exitValue(), out, err);
    }
}
