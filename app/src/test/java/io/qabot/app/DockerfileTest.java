package io.qabot.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image is built and run for real by bench/docker/try-image.sh (buildah and podman, Debian
 * stand-ins for the base images, minutes); this checks in a second what can be checked without
 * an engine: the image is
 * built in two stages, runs as an unprivileged user with a data volume and a health check on
 * /readyz, copies every module's pom for the dependency layer, and is built and run with the
 * commands the README shows.
 */
class DockerfileTest {
    private static final Path ROOT = Path.of(System.getProperty("qabot.root", "..")).toAbsolutePath().normalize();

    private static String read(String file) throws Exception {
        return Files.readString(ROOT.resolve(file));
    }

    @Test
    void buildsWithMavenAndRunsOnASlimJreAsAnUnprivilegedUser() throws Exception {
        String dockerfile = read("Dockerfile");
        List<String> from = lines(dockerfile, "^FROM (\\S+)").stream().map(image -> byDefault(dockerfile, image)).toList();
        assertEquals(2, from.size(), "two stages: " + from);
        assertTrue(from.get(0).startsWith("maven:"), from.get(0));
        assertTrue(from.get(1).contains("-jre"), from.get(1));
        assertTrue(from.get(1).startsWith("eclipse-temurin:"), from.get(1));
        assertTrue(dockerfile.matches("(?s).*\\nUSER qabot\\n.*"), "runs as the qabot user");
        assertTrue(dockerfile.contains("VOLUME /data"));
        assertTrue(dockerfile.contains("EXPOSE 8080"));
        assertTrue(dockerfile.matches("(?s).*HEALTHCHECK.*http://127\\.0\\.0\\.1:8080/readyz.*"), "health check on /readyz");
        assertTrue(dockerfile.contains("exec java -XX:SharedArchiveFile=/opt/qabot/qabot.jsa"), "java is PID 1");
    }

    /** {@code ${NAME}} resolved to the default its {@code ARG} gives. */
    private static String byDefault(String dockerfile, String image) {
        Matcher arg = Pattern.compile("^\\$\\{(\\w+)}$").matcher(image);
        if (!arg.matches()) {
            return image;
        }
        List<String> defaults = lines(dockerfile, "^ARG " + arg.group(1) + "=(\\S+)");
        assertEquals(1, defaults.size(), "one default for " + image);
        return defaults.get(0);
    }

    @Test
    void theImageRunsTheJvmWithTheLaunchersMemoryOptions() throws Exception {
        // measured once, for a 512 MiB host (the soak in the README): an image with other options is unmeasured
        String dockerfile = read("Dockerfile");
        String launcher = read("qabot");
        List<String> launcherOptions = lines(launcher, "^opts=\\$\\{QABOT_JAVA_OPTS:-(.*)}$");
        assertEquals(1, launcherOptions.size(), "the launcher's default options");
        assertTrue(launcherOptions.get(0).startsWith("-Xmx128m "), "a heap that fits a 512 MiB host: " + launcherOptions);
        assertEquals(launcherOptions, lines(dockerfile, "^\\s*QABOT_JAVA_OPTS=\"([^\"]*)\""));
        List<String> arenas = lines(launcher, "^export MALLOC_ARENA_MAX=\\$\\{MALLOC_ARENA_MAX:-(\\d+)}$");
        assertEquals(1, arenas.size(), "the launcher's malloc arenas");
        assertEquals(arenas, lines(dockerfile, "^\\s*MALLOC_ARENA_MAX=(\\d+)"));
    }

    @Test
    void copiesTheMavenDescriptorOfEveryModuleBeforeTheSources() throws Exception {
        String dockerfile = read("Dockerfile");
        for (String module : lines(read("pom.xml"), "<module>([^<]+)</module>")) {
            assertTrue(dockerfile.contains("COPY " + module + "/pom.xml " + module + "/"),
                    "the dependency layer copies " + module + "/pom.xml");
        }
    }

    @Test
    void theReadmeBuildsAndRunsTheImageWithTheCommandsTheDockerfileDocuments() throws Exception {
        String dockerfile = read("Dockerfile");
        String readme = read("README.md");
        for (String command : lines(dockerfile, "^#\\s+(docker (?:build|run) .*)$")) {
            assertTrue(readme.contains(command), "README shows: " + command);
        }
        assertEquals(2, lines(dockerfile, "^#\\s+(docker (?:build|run) .*)$").size());
    }

    private static List<String> lines(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }
}
