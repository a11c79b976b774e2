package io.qabot.knowledge;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * SmartCN's HMM tokenizer, with ASCII punctuation shown to its segmenter as one mark
 * outside ASCII: the same tokens, without a slow path in SmartCN's bigram dictionary.
 *
 * <p>The dictionary probes an open-addressed table by double hashing, and its second hash
 * of a pair ending in an ASCII character ("系统@,") is 0 for about one pair in forty; the
 * probe then stays on one occupied slot for all 402,137 steps before it answers "not
 * found". Chat text reaches the analyzer NFKC-folded, so every full-width comma and
 * question mark is ASCII: a 40-character question with two commas took a millisecond to
 * segment, and such questions were the matcher's slowest.
 *
 * <p>Why the tokens cannot change: the segmenter treats any ASCII punctuation mark and
 * U+2318 alike, as a delimiter of the highest frequency, except when it looks up pairs of
 * neighbouring words; and the dictionary holds no pair with either (checked against every
 * pair of them with its words, characters and marks, twelve million, while it holds 50,700
 * pairs ending in a full-width comma), so each of those lookups scores 0 either way. The
 * marks themselves come out as tokens the analyzer drops as meaningless. Sentences are
 * still found in the original text: a sentence is masked only while it is segmented.
 */
final class PunctuationMaskingTokenizer extends HMMChineseTokenizer {
    /** PLACE OF INTEREST SIGN: a delimiter to SmartCN, and not in GB2312, its dictionary's charset. */
    static final char MASK = '\u2318';

    private final char[] original = new char[buffer.length];

    @Override
    protected void setNextSentence(int sentenceStart, int sentenceEnd) {
        System.arraycopy(buffer, sentenceStart, original, sentenceStart, sentenceEnd - sentenceStart);
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            if (isAsciiPunctuation(buffer[i])) {
                buffer[i] = MASK;
            }
        }
        try {
            super.setNextSentence(sentenceStart, sentenceEnd); // segments a copy of the sentence
        } finally {
            System.arraycopy(original, sentenceStart, buffer, sentenceStart, sentenceEnd - sentenceStart);
        }
    }

    static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '~' && !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
    }
}
