package io.qabot.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationSetTest {
    @Test
    void normalizingRemovesWhiteSpaceMarkdownMarksAndLinkTargets() {
        assertEquals("见SOFAJRaft文档", EvaluationSet.normalize("> 见 **[SOFAJRaft](https://github.com/x)** `文档` #"));
    }

    @Test
    void anExpectationAcceptsTheRightFileWithTheSnippetDespiteFormatting() {
        var expectation = new EvaluationSet.Expectation("a.md", "跨机房 不需要");
        assertTrue(expectation.accepts("a.md", "A：**跨机房**不需要特殊支持"));
        assertFalse(expectation.accepts("b.md", "跨机房不需要特殊支持"));
        assertFalse(expectation.accepts("a.md", "同机房不需要"));
    }
}
