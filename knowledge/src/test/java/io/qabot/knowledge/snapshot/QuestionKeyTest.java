package io.qabot.knowledge.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The character-by-character key is the NFKC definition's, wherever it is taken. */
class QuestionKeyTest {

    @Test
    void everyCharacterThePlainKeyTakesGivesTheDefinitionsKey() {
        for (char c = 0; c < '\uffff'; c++) {
            String text = "a" + c + "B" + c + "\u4e2d";
            String plain = QuestionKey.plain(text);
            if (plain != null) {
                assertEquals(QuestionKey.folded(text), plain, "U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void randomMixturesGiveTheDefinitionsKey() {
        // the plain key's characters beside ones it leaves to the definition: combining marks,
        // halfwidth katakana, ligatures, circled digits, the Kelvin sign, Hangul jamo, a surrogate pair
        String alphabet = "aZz09 ?,.-_:AЁé\u0301\u0308\uff21\uff41\uff10\uff1f\uff0c\u3001\u3002\u201c\u201d\u2026"
                + "\u4e2d\u6587\u9fa5\u3000\u00a0\u00b7\u2014\u300a\u300b\u3010\u3011\uff76\uff9e\ufb01\u2460\u212a"
                + "\u1100\u1161\ud83d\ude00\u0130\u3038";
        Random random = new Random(16);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(QuestionKey.folded(s), QuestionKey.of(s), s);
        }
    }

    @Test
    void theCorpusQuestionsGiveTheDefinitionsKeyAndMostTakeThePlainWay() {
        Path corpus = Path.of(System.getProperty("qabot.shared", "../../shared"), "corpus");
        List<KnowledgeItem> items = new KnowledgeReader().read(List.of(corpus)).items();
        int plain = 0;
        int questions = 0;
        for (KnowledgeItem item : items) {
            for (Turn turn : item.turns()) {
                questions++;
                assertEquals(QuestionKey.folded(turn.question()), QuestionKey.of(turn.question()), turn.question());
                plain += QuestionKey.plain(turn.question()) != null ? 1 : 0;
            }
        }
        System.out.println("question keys taken the plain way: " + plain + " of " + questions);
        assertNotNull(QuestionKey.plain("SOFARPC 支持 Java 8 吗？"));
        assertNull(QuestionKey.plain("ｶﾞ"), "halfwidth katakana compose under NFKC");
        assertEquals("sofarpc支持java8吗", QuestionKey.of("ＳＯＦＡＲＰＣ 支持 Java 8 吗？"));
    }
}
