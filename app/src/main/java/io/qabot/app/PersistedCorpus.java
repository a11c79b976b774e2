package io.qabot.app;

import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.CorpusSnapshot;
import io.qabot.knowledge.ingest.KnowledgeException;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the knowledge files through the corpus kept in the data folder ({@link CorpusSnapshot}):
 * when every file is byte for byte the one it was read from, a start or {@code qabot ask} decodes
 * the items instead of parsing the files. A file that cannot be used is logged with its reason and
 * replaced; one that cannot be written (a read-only folder) costs only speed.
 */
final class PersistedCorpus {
    private static final Logger log = LoggerFactory.getLogger(PersistedCorpus.class);

    private final KnowledgeReader reader;
    private final Path file;
    private final boolean quiet;

    /** @param quiet whether what happened goes to the debug log only (the commands' stderr stays clean) */
    PersistedCorpus(KnowledgeReader reader, Path dataDir, boolean quiet) {
        this.reader = reader;
        this.file = dataDir.resolve(CorpusSnapshot.FILE_NAME);
        this.quiet = quiet;
    }

    /**
     * The corpus of {@code paths}: the kept one when the files are unchanged, else {@code read}'s.
     * A path that is missing or unreadable is bad input.
     */
    Corpus read(List<Path> paths, Function<List<Path>, Corpus> read) {
        try {
            String key = reader.contentKey(paths);
            CorpusSnapshot stored = CorpusSnapshot.read(file);
            if (stored.problem() != null) {
                log.warn("knowledge corpus {}: {}; reading the knowledge files again", file, stored.problem());
            }
            var kept = stored.corpus(key);
            if (kept.isPresent()) {
                if (quiet) {
                    log.debug("knowledge corpus: files unchanged, {} items decoded ({})", kept.get().items().size(), file);
                } else {
                    log.info("knowledge corpus: files unchanged, {} items decoded ({})", kept.get().items().size(), file);
                }
                return kept.get();
            }
            Corpus corpus = read.apply(paths);
            if (!reader.contentKey(paths).equals(key)) {
                // a file changed while it was read: keeping this corpus under either key could be wrong
                return corpus;
            }
            try {
                CorpusSnapshot.write(file, key, corpus);
            } catch (IOException | RuntimeException e) {
                if (quiet) {
                    log.debug("knowledge corpus {}: cannot write it ({})", file, e.toString());
                } else {
                    log.warn("knowledge corpus {}: cannot write it ({}); the next start reads the files again", file,
                            e.toString());
                }
            }
            return corpus;
        } catch (KnowledgeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
