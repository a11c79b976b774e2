package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.store.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qabot digest} lists the retired items beside the section, so the weekly post's editor sees them. */
class DigestRetiredItemsTest {
    @TempDir
    Path dataDir;

    @Test
    void retiredItemsAreListedOnStandardErrorAndStayOutOfTheSection() {
        try (Store store = Store.open(dataDir, Optional.empty(), Clock.systemUTC())) {
            store.feedback().retire("sofa-weekly-20191101.md#3", "alice", "outdated since jraft 1.3");
            store.feedback().retire("faq.md#2", "bob", null);
            store.feedback().retire("faq.md#9", "bob", null);
            store.feedback().unretire("faq.md#9", "bob");
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = Main.run(List.of("digest", "--since", "2026-11-20"),
                Map.of("QABOT_DATA_DIR", dataDir.toString(), "QABOT_ESCALATION_TIME_ZONE", "UTC"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        String errors = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, errors);
        assertTrue(errors.contains("qabot: retired, never answered from: sofa-weekly-20191101.md#3 (by alice on "), errors);
        assertTrue(errors.contains(": outdated since jraft 1.3)"), errors);
        assertTrue(errors.contains("retired, never answered from: faq.md#2 (by bob on "), errors);
        assertFalse(errors.contains("faq.md#9"), "un-retired: " + errors);
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("retired"), "the section is only Q&A");
    }
}
