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
    void theEmbeddedDatabaseLivesInTheDataFolder() {
        assertEquals(Store.Kind.H2, store.kind());
        assertTrue(Files.exists(dataDir.resolve("qabot.mv.db")));
    }
}
