package io.qabot.app;

import io.qabot.admin.ReloadResult;
import io.qabot.core.desk.LearnedKnowledge;
import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.snapshot.KnowledgeChanges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reload: reads the knowledge paths afresh and hands the items to {@link LearnedKnowledge},
 * which swaps the index in one step if anything changed. Reloads run one at a time, so a slow
 * read can never swap in knowledge older than the read after it. A failed read (a folder gone)
 * changes nothing: the previous index keeps answering.
 */
final class KnowledgeReload {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeReload.class);

    private final KnowledgeSources sources;
    private final Supplier<List<Path>> paths;
    private final LearnedKnowledge knowledge;
    private final PrometheusMetrics metrics;

    /** @param paths the paths to read, asked each time: a git checkout may appear after start-up */
    KnowledgeReload(KnowledgeSources sources, Supplier<List<Path>> paths, LearnedKnowledge knowledge,
                    PrometheusMetrics metrics) {
        this.sources = sources;
        this.paths = paths;
        this.knowledge = knowledge;
        this.metrics = metrics;
    }

    /** @param trigger what asked for it, for the log and the metrics: {@code api}, {@code watch}, {@code git} */
    synchronized ReloadResult reload(String trigger) {
        long start = System.nanoTime();
        try {
            Corpus corpus = sources.read(paths.get());
            KnowledgeChanges changes = knowledge.replaceBase(corpus.items());
            ReloadResult result = new ReloadResult(corpus.documents(), corpus.items().size(), corpus.turns(),
                    corpus.problems().size(), changes, Duration.ofNanos(System.nanoTime() - start));
            metrics.reloaded(trigger, result);
            log.info("knowledge reload ({}): {} documents, {} items, {} problems; {} added, {} changed, {} removed, "
                            + "{} superseded; {} in {} ms", trigger, result.documents(), result.items(), result.problems(),
                    changes.added(), changes.changed(), changes.removed(), changes.superseded(),
                    changes.any() ? "index swapped" : "index kept", result.took().toMillis());
            return result;
        } catch (RuntimeException e) {
            metrics.reloadFailed(trigger);
            log.warn("knowledge reload ({}) failed; still answering from the previous knowledge: {}", trigger,
                    e.getMessage());
            throw e;
        }
    }
}
