package io.qabot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the matcher knows about one community's language that is not in its knowledge: the
 * product-family prefixes its members drop in chat ({@code family-prefixes.txt}) and the
 * function words that carry no topic ({@code stop-words.txt}). Both are resources beside this
 * class, so another community replaces the files, not code; they are part of the code
 * fingerprint of {@link IndexSnapshot}, so changing them makes stored indexes unusable.
 *
 * @param familyPrefixes lower-case prefixes, in the file's order
 * @param stopWords      lower-case words, in the file's order
 */
record Community(List<String> familyPrefixes, List<String> stopWords) {
    /** The community this build of qabot serves. */
    static final Community BUILT_IN = new Community(lines("family-prefixes.txt"), lines("stop-words.txt"));

    Community {
        familyPrefixes = List.copyOf(familyPrefixes);
        stopWords = List.copyOf(stopWords);
    }

    /** The file's lines without blank ones and {@code #} comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = Community.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the knowledge module");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String value = line.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    lines.add(value);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " from the knowledge module failed", e);
        }
    }
}
