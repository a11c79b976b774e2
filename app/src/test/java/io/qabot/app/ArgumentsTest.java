package io.qabot.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentsTest {
    private static final Set<String> VALUED = Set.of("--knowledge");
    private static final Set<String> FLAGS = Set.of("--json");

    @Test
    void repeatedOptionsKeepEveryValueInOrder() {
        Arguments a = Arguments.parse(List.of("--knowledge", "a", "--json", "--knowledge=b", "raft", "跨机房"), VALUED, FLAGS);
        assertEquals(List.of("a", "b"), a.all("--knowledge"));
        assertTrue(a.flag("--json"));
        assertEquals(List.of("raft", "跨机房"), a.words());
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        var e = assertThrows(UsageException.class, () -> Arguments.parse(List.of("--knowlege", "x"), VALUED, FLAGS));
        assertEquals("--knowlege: unknown option", e.getMessage());
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        var e = assertThrows(UsageException.class, () -> Arguments.parse(List.of("--knowledge"), VALUED, FLAGS));
        assertEquals("--knowledge: needs a value", e.getMessage());
    }

    @Test
    void wordsAfterADoubleDashAreNeverOptions() {
        assertEquals(List.of("--json"), Arguments.parse(List.of("--", "--json"), VALUED, FLAGS).words());
    }
}
