package io.qabot.app;

import io.qabot.config.MatchingConfig;
import io.qabot.knowledge.Corpus;
import io.qabot.config.QabotConfig;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.ingest.KnowledgeException;
import io.qabot.knowledge.ingest.KnowledgeReader;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where the knowledge comes from for a command: the {@code --knowledge} paths when given,
 * otherwise the configured ones, otherwise the small sample knowledge shipped inside qabot,
 * so a fresh checkout answers something with no configuration at all.
 */
class KnowledgeSources {
    static final List<String> SAMPLE_FILES = List.of("qabot-faq.md");

    private final KnowledgeReader reader;

    KnowledgeSources(KnowledgeReader reader) {
        this.reader = reader;
    }

    /** @param configured the knowledge paths of the configuration (or none) */
    Corpus read(List<String> explicit, List<Path> configured) {
        return read(paths(explicit, configured));
    }

    /**
     * The paths a command reads: {@code explicit} ones, else the configured ones, else the sample
     * knowledge unpacked once into a temporary folder (so a reload reads the same folder again).
     */
    List<Path> paths(List<String> explicit, List<Path> configured) {
        List<Path> paths = explicit.isEmpty() ? configured : explicit.stream().map(Path::of).toList();
        return paths.isEmpty() ? List.of(sampleKnowledge()) : paths;
    }

    /** Reads {@code paths}; one that is missing or unreadable is bad input. */
    Corpus read(List<Path> paths) {
        try {
            return reader.read(paths);
        } catch (KnowledgeException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Reads {@code paths} through the corpus kept in {@code dataDir} (see {@link PersistedCorpus}). */
    Corpus corpus(List<Path> paths, Path dataDir, boolean quiet) {
        return new PersistedCorpus(reader, dataDir, quiet).read(paths, this::read);
    }

    /**
     * The index a command answers from: the snapshot's items, so newer answers supersede older ones
     * as in serve, analysed through the data folder's stored analysis as serve's are, answering at
     * the configured confidence.
     */
    KnowledgeIndex index(List<String> explicit, QabotConfig config) {
        // the segmenter's dictionaries load on another core while the files are read
        DaemonThreads.named("qabot-prepare").newThread(KnowledgeIndex::prepare).start();
        Corpus corpus = corpus(paths(explicit, config.knowledge()), config.dataDir(), true);
        List<KnowledgeItem> items = KnowledgeSnapshot.of(corpus.items()).items();
        return atConfidence(new PersistedIndex(config.dataDir(), true).build(items), config.matching());
    }

    /** An index of {@code items}, analysed afresh, answering at the configured confidence (the fitted one by default). */
    static KnowledgeIndex index(List<KnowledgeItem> items, MatchingConfig matching) {
        return atConfidence(KnowledgeIndex.build(items), matching);
    }

    /** {@code index} answering at {@code matching.minConfidence}, or as fitted when none is set. */
    static KnowledgeIndex atConfidence(KnowledgeIndex index, MatchingConfig matching) {
        return matching.minConfidence().isPresent() ? index.withMinConfidence(matching.minConfidence().getAsDouble())
                : index;
    }

    /** Copies the sample knowledge out of the jar into a temporary folder the reader can walk. */
    static Path sampleKnowledge() {
        try {
            Path folder = Files.createTempDirectory("qabot-sample-knowledge");
            folder.toFile().deleteOnExit();
            for (String name : SAMPLE_FILES) {
                try (InputStream in = KnowledgeSources.class.getResourceAsStream("/sample-knowledge/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample knowledge " + name + " is missing from the jar");
                    }
                    Path file = folder.resolve(name);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the sample knowledge", e);
        }
    }
}
