package io.qabot.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EverydayWordsTest {

    @Test
    void chatWordsAreEverydayAndTechnicalWordsAreNot() {
        // if SmartCN's dictionary stops being reachable (a Lucene upgrade), every Chinese word
        // reads as technical and the confidence loses the evidence it was fitted with
        assertTrue(EverydayWords.commonness("直接") > 0.9, "直接");
        assertTrue(EverydayWords.commonness("一起") > 0.9, "一起");
        assertTrue(EverydayWords.commonness("通配符") < 0.1, "通配符");
        assertTrue(EverydayWords.commonness("回滚") < 0.1, "回滚");
        assertTrue(EverydayWords.commonness("集群") < 0.1, "集群");
    }

    @Test
    void englishFunctionWordsAreEverydayAndNamesAreNot() {
        assertEquals(1, EverydayWords.commonness("have"));
        assertEquals(1, EverydayWords.commonness("about"));
        assertEquals(0, EverydayWords.commonness("nacos"));
        assertEquals(0, EverydayWords.commonness("jdk17"));
        assertEquals(0, EverydayWords.commonness(""));
    }

    @Test
    void aConceptMadeOfAnEverydayWordTellsLittleAboutTheSubject() {
        Concept everyday = new Concept("直接", 1, new int[0][], 4.0, false);
        Concept technical = new Concept("通配符", 2, new int[0][], 4.0, false);
        assertTrue(everyday.technicalIdf() < 0.5, "直接: " + everyday.technicalIdf());
        assertEquals(4.0, technical.technicalIdf(), 1e-9);
    }
}
