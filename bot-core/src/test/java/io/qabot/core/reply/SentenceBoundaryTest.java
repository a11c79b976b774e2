package io.qabot.core.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentenceBoundaryTest {
    @Test
    void cutsAfterTheLastChineseSentenceThatFits() {
        String text = "先升级。再重启。最后观察日志";
        assertEquals("先升级。再重启。", text.substring(0, SentenceBoundary.before(text, 12)));
    }

    @Test
    void doesNotTreatADecimalPointAsASentenceEnd() {
        String text = "Upgrade to 1.3.0 first then restart";
        assertEquals("Upgrade to 1.3.0 first", text.substring(0, SentenceBoundary.before(text, 25)));
    }

    @Test
    void fallsBackToAHardCutWithoutSplittingASurrogatePair() {
        String text = "😀".repeat(20);
        int end = SentenceBoundary.before(text, 7);
        assertEquals(6, end);
    }

    @Test
    void keepsTextThatAlreadyFits() {
        assertEquals(5, SentenceBoundary.before("short", 10));
    }
}
