package io.qabot.knowledge.bench;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.ingest.KnowledgeReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes {@link SyntheticKnowledge}'s items as FAQ pages, so a real {@code qabot serve} or
 * {@code ingest} reads a corpus of any size from disk the way it reads the real one. Only the
 * synthetic items are written (1,000 per page); serve them together with the real corpus.
 * Args: shared folder, output folder, total size (real items included).
 */
public final class SyntheticKnowledgeFiles {
    private static final int PER_PAGE = 1_000;
    /** An answer line that would read as a heading, and so end the entry, is escaped. */
    private static final Pattern HEADING = Pattern.compile("^(\\s{0,3})#", Pattern.MULTILINE);

    private SyntheticKnowledgeFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int size = Integer.parseInt(args[2]);
        List<KnowledgeItem> real = new KnowledgeReader().read(List.of(
                shared.resolve("corpus/sofa-weekly"), shared.resolve("corpus/faq"))).items();
        List<KnowledgeItem> synthetic = SyntheticKnowledge.grow(real, size, 42).subList(real.size(), Math.max(size, real.size()));
        for (int page = 0; page * PER_PAGE < synthetic.size(); page++) {
            Path file = out.resolve(String.format(Locale.ROOT, "synthetic-faq-%04d.md", page));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("---\ntitle: \"Synthetic FAQ " + page + "\"\n---\n\n");
                for (KnowledgeItem item : synthetic.subList(page * PER_PAGE, Math.min(synthetic.size(), (page + 1) * PER_PAGE))) {
                    Turn turn = item.turns().get(0);
                    w.write("# Q：" + turn.question().replaceAll("\\s+", " ").strip() + "\n\n");
                    w.write(HEADING.matcher(turn.answer()).replaceAll("$1\\\\#") + "\n\n");
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d synthetic items (%d real + synthetic = %d) to %s%n",
                synthetic.size(), real.size(), real.size() + synthetic.size(), out);
    }
}
