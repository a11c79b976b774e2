package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start and shutdown are one list: parts close in the reverse order of their start, each once, whatever fails. */
class LifecycleTest {
    private final List<String> closed = new ArrayList<>();

    @Test
    void closesThePartsLastStartedFirst() {
        Lifecycle life = new Lifecycle();
        life.onClose("store", () -> closed.add("store"));
        AutoCloseable server = () -> closed.add("server");
        life.started("server", server);
        life.onClose("connector", () -> closed.add("connector"));

        life.close();

        assertEquals(List.of("connector", "server", "store"), closed);
    }

    @Test
    void aPartThatFailsToCloseDoesNotKeepTheOthersOpen() {
        Lifecycle life = new Lifecycle();
        life.onClose("store", () -> closed.add("store"));
        life.onClose("broken", () -> {
            throw new IllegalStateException("stuck");
        });
        life.onClose("connector", () -> closed.add("connector"));

        life.close();
        life.close(); // a second close closes nothing twice

        assertEquals(List.of("connector", "store"), closed);
    }
}
