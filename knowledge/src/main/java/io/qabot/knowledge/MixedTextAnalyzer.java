package io.qabot.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.List;

/**
 * One analysis chain for chat questions that mix Chinese, English and code.
 *
 * <ul>
 *   <li>Chinese runs become overlapping bigrams plus unigrams: no dictionary to go stale,
 *       and a bigram survives the typos and word-order changes of chat better than a
 *       segmenter's word does.</li>
 *   <li>Code identifiers keep their original form and also split into their parts, so
 *       {@code @GlobalTransactional} meets "global transactional" and {@code store.mode}
 *       meets "store mode".</li>
 *   <li>Product names with a family prefix ({@code SOFAJRaft}, {@code sofa-rpc}) also yield
 *       the bare name ({@code jraft}, {@code rpc}), which is how members type them.</li>
 * </ul>
 */
final class MixedTextAnalyzer extends Analyzer {
    private static final int DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** English function words and the Chinese single characters that carry no topic. */
    private static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from",
            "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "so",
            "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "we",
            "what", "when", "where", "which", "who", "why", "will", "with", "you", "your",
            "的", "了", "吗", "么", "呢", "啊", "吧", "呀", "嘛", "哦", "是", "在", "我", "你", "他",
            "她", "它", "们", "这", "那", "个", "就", "都", "也", "和", "与", "或", "及", "还", "有",
            "没", "不", "要", "会", "能", "可", "以", "一", "下", "上", "中", "里", "到", "对", "把",
            "被", "让", "给", "从", "为", "之", "其", "该", "怎", "样", "如", "何", "什", "啥", "请",
            "问", "么", "想", "用", "说", "看", "做", "得", "地", "着", "过", "很", "多", "些", "时"),
            false);

    private final boolean forIndexing;
    private final List<String> familyPrefixes;

    MixedTextAnalyzer(boolean forIndexing, List<String> familyPrefixes) {
        this.forIndexing = forIndexing;
        this.familyPrefixes = List.copyOf(familyPrefixes);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true);
        stream = new WordDelimiterGraphFilter(stream, DELIMITER_FLAGS, null);
        if (forIndexing) {
            // the index wants a linear token stream; queries are bags of terms anyway
            stream = new FlattenGraphFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        stream = new FamilyPrefixFilter(stream, familyPrefixes);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
    }
}
