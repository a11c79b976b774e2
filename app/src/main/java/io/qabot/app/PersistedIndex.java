package io.qabot.app;

import io.qabot.knowledge.IndexSnapshot;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds knowledge indexes through the analysis kept in the data folder ({@link IndexSnapshot}):
 * a start, a reload, a learned answer or {@code qabot ask} analyses only the items it has not
 * seen. A file that cannot be used is logged with its reason and replaced; one that cannot be
 * written (a read-only folder) costs only speed.
 */
final class PersistedIndex {
    private static final Logger log = LoggerFactory.getLogger(PersistedIndex.class);

    private final Path file;
    private final boolean quiet;
    private List<KnowledgeItem> lastItems;
    private KnowledgeIndex lastIndex;

    /** @param quiet whether what was reused goes to the debug log only (the commands' stderr stays clean) */
    PersistedIndex(Path dataDir, boolean quiet) {
        this.file = dataDir.resolve(IndexSnapshot.FILE_NAME);
        this.quiet = quiet;
    }

    KnowledgeIndex build(Collection<KnowledgeItem> items) {
        List<KnowledgeItem> list = List.copyOf(items);
        synchronized (this) {
            // serve's start indexes the same items twice (the knowledge, then the knowledge with the
            // learned answers, of which there may be none): the second time is the first index
            if (list.equals(lastItems)) {
                return lastIndex;
            }
        }
        KnowledgeIndex index = read(list);
        synchronized (this) {
            lastItems = list;
            lastIndex = index;
        }
        return index;
    }

    private KnowledgeIndex read(List<KnowledgeItem> items) {
        IndexSnapshot stored = IndexSnapshot.read(file);
        if (stored.problem() != null) {
            log.warn("knowledge index {}: {}; analysing the knowledge again", file, stored.problem());
        }
        KnowledgeIndex index = stored.build(items);
        try {
            stored.write();
        } catch (IOException | RuntimeException e) {
            if (quiet) {
                log.debug("knowledge index {}: cannot write it ({})", file, e.toString());
                return index;
            }
            log.warn("knowledge index {}: cannot write it ({}); the next start analyses the knowledge again", file,
                    e.toString());
        }
        if (quiet) {
            log.debug("knowledge index: {} ({})", stored.summary(), file);
        } else {
            log.info("knowledge index: {} ({})", stored.summary(), file);
        }
        return index;
    }
}
