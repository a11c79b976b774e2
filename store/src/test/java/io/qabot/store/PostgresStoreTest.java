package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server, a fresh database per test. */
class PostgresStoreTest extends FeedbackStoreContract {
    private final String url = TestDatabases.freshPostgres();

    @Override
    Optional<String> url() {
        return Optional.of(url);
    }

    @Test
    void runsOnPostgres() {
        assertEquals(Store.Kind.POSTGRESQL, store.kind());
    }
}
