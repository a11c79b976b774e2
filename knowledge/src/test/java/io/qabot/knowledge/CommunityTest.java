package io.qabot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What belongs to one community is data: the built-in one is read from the resources, and
 * another community's prefixes and stop words change the analysis without a code change.
 */
class CommunityTest {

    @Test
    void theBuiltInCommunityIsReadFromTheResources() {
        assertEquals(List.of("sofa"), Community.BUILT_IN.familyPrefixes());
        assertTrue(Community.BUILT_IN.stopWords().containsAll(List.of("the", "的", "为什么")));
        assertFalse(Community.BUILT_IN.stopWords().stream().anyMatch(w -> w.startsWith("#") || w.isBlank()));
    }

    @Test
    void anotherCommunitysPrefixesAndStopWordsNeedNoCode() {
        MixedTextAnalyzer apache = new MixedTextAnalyzer(new Community(List.of("apache"), List.of("how", "configure")));
        List<String> terms = apache.terms("How to configure apachekafka retention").all();
        assertTrue(terms.contains("apachekafka") && terms.contains("kafka"), terms.toString());
        assertFalse(terms.contains("how") || terms.contains("configure"), terms.toString());

        List<String> sofa = IndexBuilder.analyzer().terms("How to configure apachekafka retention").all();
        assertFalse(sofa.contains("kafka"), "apache is not SOFA's family prefix: " + sofa);
        assertTrue(sofa.contains("configure"), sofa.toString());
    }
}
