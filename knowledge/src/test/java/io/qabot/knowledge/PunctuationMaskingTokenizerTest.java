package io.qabot.knowledge;

import io.qabot.knowledge.ingest.KnowledgeReader;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masking punctuation must leave SmartCN's segmentation exactly as it was: the same words at
 * the same offsets, on every text of the corpus and the development set (raw, and folded as
 * questions are) and on splices of them around every ASCII punctuation mark.
 */
class PunctuationMaskingTokenizerTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    private static final String MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    @Test
    void segmentsEveryTextIntoTheSameWordsAsSmartCn() throws IOException {
        List<String> texts = new ArrayList<>();
        for (KnowledgeItem item : new KnowledgeReader().read(List.of(SHARED.resolve("corpus/sofa-weekly"),
                SHARED.resolve("corpus/faq"))).items()) {
            for (Turn turn : item.turns()) {
                texts.add(turn.question());
                texts.add(turn.answer());
                texts.add(ChatNoise.normalize(turn.question()));
            }
        }
        for (String line : Files.readAllLines(SHARED.resolve("eval/dev.jsonl"))) {
            texts.add(ChatNoise.normalize(line));
        }
        Random random = new Random(5);
        int own = texts.size();
        for (int i = 0; i < 2_000; i++) {
            String a = texts.get(random.nextInt(own));
            String b = texts.get(random.nextInt(own));
            texts.add(a.substring(0, random.nextInt(a.length() + 1)) + MARKS.charAt(i % MARKS.length())
                    + b.substring(random.nextInt(b.length() + 1)));
        }
        texts.add("系统,没有,提供,补偿,服务");
        Tokenizer smartCn = new HMMChineseTokenizer();
        Tokenizer masking = new PunctuationMaskingTokenizer();
        int words = 0;
        for (String text : texts) {
            List<String> expected = words(smartCn, text);
            assertEquals(expected, words(masking, text), text);
            words += expected.size();
        }
        assertTrue(words > 100_000, "too few words compared: " + words);
    }

    @Test
    void masksAsciiPunctuationOnly() {
        for (char c : MARKS.toCharArray()) {
            assertTrue(PunctuationMaskingTokenizer.isAsciiPunctuation(c), String.valueOf(c));
        }
        for (char c : "azAZ09 \n\t，。？、中é⌘".toCharArray()) {
            assertTrue(!PunctuationMaskingTokenizer.isAsciiPunctuation(c), String.valueOf(c));
        }
    }

    /** Each token as text and offsets; punctuation tokens by their offsets alone, as their text is the mask. */
    private static List<String> words(Tokenizer tokenizer, String text) throws IOException {
        List<String> words = new ArrayList<>();
        tokenizer.setReader(new StringReader(text));
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
            String t = term.toString();
            boolean punctuation = t.length() == 1 && (PunctuationMaskingTokenizer.isAsciiPunctuation(t.charAt(0))
                    || t.charAt(0) == PunctuationMaskingTokenizer.MASK);
            words.add((punctuation ? "<p>" : t) + "@" + offset.startOffset() + "-" + offset.endOffset());
        }
        tokenizer.end();
        tokenizer.close();
        return words;
    }
}
