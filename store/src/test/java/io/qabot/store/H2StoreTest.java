package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store on the embedded default: an H2 file under the data folder. */
class H2StoreTest extends FeedbackStoreContract {
    @Override
    Optional<String> url() {
        return Optional.empty();
    }

    @Test
    void compactingAfterThePruneGivesTheFileBackTheRoomTheDeletedQuestionsTook() throws Exception {
        java.nio.file.Path file = dataDir.resolve("qabot.mv.db");
        String padding = "请问这个问题为什么这么长 ".repeat(20);
        for (int batch = 0; batch < 40; batch++) {
            java.util.List<io.qabot.core.desk.AskedQuestion> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                asked.add(new io.qabot.core.desk.AskedQuestion(START, io.qabot.core.Platform.WEBHOOK,
                        padding + batch + "/" + i, io.qabot.knowledge.Decision.ESCALATE, "topic-" + batch + "/" + i));
            }
            store.questions().record(asked);
        }
        long full = Files.size(file);
        while (store.questions().prune(START.plusSeconds(1), 1_000) > 0) {
            // a batch at a time, as the retention does
        }
        store.compact(java.time.Duration.ofSeconds(10));
        long compacted = Files.size(file);
        assertTrue(compacted < full / 2, "the file went from " + full + " to " + compacted + " bytes");
        assertEquals(0, store.questions().stats(START, 5).asked());
    }

    @Test
    void theEmbeddedDatabaseLivesInTheDataFolder() {
        assertEquals(Store.Kind.H2, store.kind());
        assertTrue(Files.exists(dataDir.resolve("qabot.mv.db")));
    }
}
