package io.qabot.knowledge;

import io.qabot.knowledge.ingest.KnowledgeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The SOFA corpus's items (digests and FAQ pages) under {@code ../shared}, as the development tools read them. */
final class SofaCorpus {
    private SofaCorpus() {
    }

    static List<KnowledgeItem> items(Path shared) throws IOException {
        return new KnowledgeReader().read(List.of(shared.resolve("corpus/sofa-weekly"), shared.resolve("corpus/faq"))).items();
    }
}
