package io.qabot.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns chat text that mixes Chinese, English and code into index terms, as the union of
 * two analysis chains:
 *
 * <ul>
 *   <li>Words: SmartCN's HMM segmenter splits Chinese into words (never shown ASCII
 *       punctuation, see {@link PunctuationMaskingTokenizer}). Overlapping bigrams were
 *       tried first and lost: the bigrams that straddle two words ("会支" in "会支持") are
 *       rare, so they get a high idf and outweigh the real topic words.</li>
 *   <li>Code: identifiers keep their original form and also split into their parts, so
 *       {@code @GlobalTransactional} meets "global transactional" and {@code store.mode}
 *       meets "store mode"; versions such as {@code 1.3.0} stay whole.</li>
 * </ul>
 * Product names with a family prefix ({@code SOFAJRaft}) also yield the bare name
 * ({@code jraft}), which is how members type them.
 */
final class MixedTextAnalyzer {
    private static final int DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final Analyzer words;
    private final Analyzer code;

    /** The analysis of {@code community}'s text: its family prefixes and stop words. */
    MixedTextAnalyzer(Community community) {
        List<String> prefixes = community.familyPrefixes();
        CharArraySet stopWords = CharArraySet.unmodifiableSet(new CharArraySet(community.stopWords(), false));
        this.words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new PunctuationMaskingTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new FamilyPrefixFilter(stream, prefixes);
                stream = new StopFilter(stream, stopWords);
                return new TokenStreamComponents(source, new EnglishMinimalStemFilter(stream));
            }
        };
        this.code = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new TypeTokenFilter(source, Set.of("<IDEOGRAPHIC>", "<HIRAGANA>",
                        "<KATAKANA>", "<HANGUL>"));
                stream = new CJKWidthFilter(stream);
                stream = new WordDelimiterGraphFilter(stream, DELIMITER_FLAGS, null);
                stream = new LowerCaseFilter(stream);
                stream = new FamilyPrefixFilter(stream, prefixes);
                stream = new StopFilter(stream, stopWords);
                return new TokenStreamComponents(source, new EnglishMinimalStemFilter(stream));
            }
        };
    }

    /** Every term of the text in order, with repeats (term frequency matters for BM25). */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text.isEmpty()) {
            return tokens;
        }
        collect(words, text, tokens);
        collect(code, text, tokens);
        return tokens;
    }

    /**
     * A text's terms ({@link #tokens}) together with those of its whole words only (the word
     * chain: no identifier parts), from one pass of each chain.
     */
    record Terms(List<String> all, List<String> wholeWords) {
    }

    Terms terms(String text) {
        List<String> whole = new ArrayList<>();
        if (text.isEmpty()) {
            return new Terms(List.of(), whole);
        }
        collect(words, text, whole);
        List<String> all = new ArrayList<>(whole);
        collect(code, text, all);
        return new Terms(all, whole);
    }

    /**
     * The terms that name a word as a whole: the word itself and, for a product with a family
     * prefix, its bare name, but not the parts an identifier splits into ({@code TiDB} is not
     * {@code db}).
     */
    List<String> wholeWordTokens(String word) {
        List<String> tokens = new ArrayList<>();
        if (!word.isEmpty()) {
            collect(words, word, tokens);
        }
        return tokens;
    }

    /**
     * The segmenter passes punctuation through as tokens, and splitting versions leaves lone
     * digits: neither says anything about a topic.
     */
    private static boolean meaningful(CharSequence term) {
        boolean letter = false;
        for (int i = 0; i < term.length() && !letter; i++) {
            letter = Character.isLetter(term.charAt(i));
        }
        return letter || term.length() >= 3 && Character.isDigit(term.charAt(0));
    }

    private static void collect(Analyzer analyzer, String text, List<String> into) {
        // the knowledge and the questions meet in simplified characters
        try (TokenStream stream = analyzer.tokenStream("", SimplifiedChinese.fold(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (meaningful(term)) {
                    into.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
    }
}
