package io.qabot.knowledge;

import java.util.Arrays;

/**
 * A set of term numbers, a bit per number of the vocabulary: a few kilobytes, and
 * membership is one load. One is built per question for its expanded terms, so that each
 * of fifty candidates is checked by walking its terms once instead of searching them for
 * every term of the question.
 */
final class TermSet {
    private final long[] bits;

    /** @param ids term numbers below {@code vocabularySize}; negative ones are left out */
    TermSet(int[] ids, int vocabularySize) {
        bits = new long[(vocabularySize + 63) >>> 6];
        for (int id : ids) {
            if (id >= 0) {
                bits[id >>> 6] |= 1L << id;
            }
        }
    }

    boolean contains(int id) {
        return id >= 0 && id >>> 6 < bits.length && (bits[id >>> 6] & 1L << id) != 0;
    }

    /** The numbers of {@code ids} that are in the set, in their order. */
    int[] keep(int[] ids) {
        int[] kept = new int[ids.length];
        int n = 0;
        for (int id : ids) {
            kept[n] = id;
            n += contains(id) ? 1 : 0;
        }
        return n == kept.length ? kept : Arrays.copyOf(kept, n);
    }
}
