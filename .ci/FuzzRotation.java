import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which fuzz targets the {@code fuzz} profile fuzzes in this run (docs/fuzzing.md, "Rotation").
 * Run by the profile in every module before its tests, as a single-file program:
 *
 * <pre>java FuzzRotation.java ROOT COUNT DAY TARGET OUT</pre>
 *
 * <ul>
 *   <li>TARGET other than {@code rotation}: its comma-separated surefire patterns, as given
 *       (the {@code -Dqabot.fuzz.target=…} override);</li>
 *   <li>otherwise every {@code *FuzzTest.java} under ROOT's {@code src/test/java} folders,
 *       sorted by class name, and from them the COUNT consecutive ones (wrapping around) that
 *       start at {@code DAY × COUNT mod N}, DAY being {@code today} (days since 1970-01-01,
 *       UTC) or a number. So each day's run fuzzes the next COUNT targets and every target is
 *       fuzzed once every ⌈N / COUNT⌉ days, whichever machine runs it.</li>
 * </ul>
 *
 * Writes one surefire include pattern a line to OUT (the fuzz execution's includesFile) and
 * prints the choice.
 */
public class FuzzRotation {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int count = Integer.parseInt(args[1].strip());
        String day = args[2].strip();
        String target = args[3].strip();
        Path out = Path.of(args[4]);

        List<String> patterns = new ArrayList<>();
        String why;
        if (!target.equals("rotation")) {
            for (String pattern : target.split(",")) {
                if (!pattern.isBlank()) {
                    patterns.add(pattern.strip());
                }
            }
            why = "-Dqabot.fuzz.target";
        } else {
            List<String> all = targets(root);
            long epochDay = day.equals("today") ? LocalDate.now(ZoneOffset.UTC).toEpochDay() : Long.parseLong(day);
            int n = all.size();
            int take = Math.min(count, n);
            int start = n == 0 ? 0 : (int) Math.floorMod(epochDay * count, (long) n);
            for (int i = 0; i < take; i++) {
                patterns.add("**/" + all.get((start + i) % n) + ".java");
            }
            why = "day " + epochDay + ", " + take + " of " + n + " targets from #" + start;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, patterns);
        System.out.println("fuzz rotation (" + why + "): " + String.join(" ", patterns));
    }

    /** Simple class names of every fuzz target in the build, sorted. */
    private static List<String> targets(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, 12)) {
            return files.filter(p -> p.getFileName().toString().endsWith("FuzzTest.java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/"))
                    .filter(p -> !p.toString().replace('\\', '/').contains("/target/"))
                    .map(p -> p.getFileName().toString().replace(".java", ""))
                    .distinct()
                    .sorted()
                    .toList();
        }
    }
}
