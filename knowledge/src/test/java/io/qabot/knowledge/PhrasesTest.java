package io.qabot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhrasesTest {
    private static final List<String> PHRASES = List.of("请问一下", "请问", "大佬们?", "thanks?(?: a lot| all)?",
            "\\bhi\\b", "\\ball\\b", "\\+1", "哈+", "ok");
    private static final Phrases FAST = new Phrases(PHRASES);
    private static final Pattern WHOLE = Pattern.compile("(?i)(" + String.join("|", PHRASES) + ")");

    @Test
    void replacesWhatTheWholeAlternationReplaces() {
        List<String> pieces = List.of("请问一下", "请问", "大佬", "大佬们", "Thanks all", "THANK", "thanks a lot", "hi",
                "Hi", "chip", "this", "all", "ALL", "ball", "+1", "1+1", "哈哈哈", "OK", "oK", "book", " ", "，", "x",
                "seata", "怎么", "?", "\n");
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String t = text.toString();
            assertEquals(WHOLE.matcher(t).replaceAll(" "), FAST.replaceAll(t, " "), t);
        }
    }

    @Test
    void aWordBoundaryLooksAtTheCharacterBeforeTheCandidate() {
        assertEquals("chip   there", FAST.replaceAll("chip hi there", " "), "hi is a word here, not the hi in chip");
        assertEquals("  everyone", FAST.replaceAll("Hi everyone", " "));
    }

    @Test
    void aPhraseMustStartWithALiteralCharacter() {
        assertThrows(IllegalArgumentException.class, () -> new Phrases(List.of("(a|b)")));
        assertThrows(IllegalArgumentException.class, () -> new Phrases(List.of(".*")));
    }
}
