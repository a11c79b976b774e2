package io.qabot.knowledge;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * How common a word is in everyday language, outside any technical domain: 1 for "跟", "直接",
 * "have", 0 for "通配符", "扩容", "Nacos". A paraphrase in chat wording misses the thread's
 * everyday words ("咋" for "如何"), a near miss its technical ones ("nacos" for "zookeeper");
 * the knowledge's own idf cannot tell them apart, because the digests are written formally and
 * chat words are as rare in them as technical ones.
 *
 * <p>Chinese: the word's frequency in the general-language dictionary the Chinese segmenter
 * already holds in memory (SmartCN's, counted over newspaper text), reached through its
 * package-private class: a copy of the dictionary would cost megabytes of heap for the same
 * numbers. Where it cannot be reached, every Chinese word counts as technical (the features
 * then behave as before this class). English: Lucene's Snowball stop list.
 */
final class EverydayWords {
    /** A frequency at or above this in the dictionary is fully everyday. */
    private static final double EVERYDAY_FREQUENCY = 1000;
    private static final MethodHandle FREQUENCY = frequencyLookup();
    private static final CharArraySet ENGLISH = englishStopWords();

    private EverydayWords() {
    }

    /** In [0, 1]: 0 for a technical or unknown word, 1 for an everyday one. */
    static double commonness(String term) {
        if (term.isEmpty()) {
            return 0;
        }
        boolean han = term.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (han) {
            int frequency = frequency(term);
            return Math.min(1, Math.log1p(frequency) / Math.log1p(EVERYDAY_FREQUENCY));
        }
        return ENGLISH.contains(term) ? 1 : 0;
    }

    private static int frequency(String word) {
        if (FREQUENCY == null) {
            return 0;
        }
        try {
            return (int) FREQUENCY.invoke(word.toCharArray());
        } catch (Throwable e) {
            return 0;
        }
    }

    private static MethodHandle frequencyLookup() {
        try {
            Class<?> dictionary = Class.forName("org.apache.lucene.analysis.cn.smart.hhmm.WordDictionary");
            Method instance = dictionary.getDeclaredMethod("getInstance");
            Method frequency = dictionary.getDeclaredMethod("getFrequency", char[].class);
            instance.setAccessible(true);
            frequency.setAccessible(true);
            Object loaded = instance.invoke(null);
            return MethodHandles.lookup().unreflect(frequency).bindTo(loaded)
                    .asType(MethodType.methodType(int.class, char[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static CharArraySet englishStopWords() {
        try (InputStream in = org.apache.lucene.analysis.snowball.SnowballFilter.class
                .getResourceAsStream("english_stop.txt")) {
            if (in == null) {
                return CharArraySet.EMPTY_SET;
            }
            return WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
