package io.qabot.core.feedback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrongWordsTest {
    /** policy.wrongWords' default list. */
    private final WrongWords words = new WrongWords(List.of("不对", "错了", "没用", "答非所问", "wrong", "not helpful", "👎"));

    @Test
    void aReplyThatIsOnlyAWrongWordOrStartsWithOneAndPunctuationSaysWrong() {
        for (String text : List.of("不对", "错了！", "没用。", "答非所问", "Wrong", " WRONG! ", "not helpful", "Not  helpful.",
                "👎", "不对，应该是 electionTimeoutMs", "wrong: that was 1.2")) {
            assertTrue(words.saysWrong(text), text);
        }
    }

    @Test
    void aQuestionThatMerelyContainsAWrongWordIsNoFlag() {
        for (String text : List.of("what is wrong with my config?", "哪里不对", "这个配置错了怎么办", "wrongly configured",
                "jraft 支持跨机房吗", "", "  ")) {
            assertFalse(words.saysWrong(text), text);
        }
    }

    @Test
    void theListIsConfigurable() {
        WrongWords own = new WrongWords(List.of("不准确", "Incorrect"));

        assertTrue(own.saysWrong("incorrect"));
        assertTrue(own.saysWrong("不准确！"));
        assertFalse(own.saysWrong("不对"));
    }
}
