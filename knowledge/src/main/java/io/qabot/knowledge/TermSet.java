package io.qabot.knowledge;

import java.util.Arrays;

/**
 * A set of term numbers, a bit per number of the vocabulary: a few kilobytes, and
 * membership is one load. One is built per question for its expanded terms, so that each
 * of fifty candidates is checked once against it instead of binary-searching the
 * candidate's terms for every term of the question.
 *
 * <p>Which members a candidate holds is itself a bit set, over the members' positions (a
 * member's position is the number of members below it), so a question of 150 terms needs
 * three longs per candidate.
 */
final class TermSet {
    private final int[] members;
    private final long[] bits;
    /** For each word of {@link #bits}, the number of members in the words before it. */
    private final int[] before;

    /** @param ids term numbers below {@code vocabularySize}; negative ones are left out */
    TermSet(int[] ids, int vocabularySize) {
        bits = new long[(vocabularySize + 63) >>> 6];
        for (int id : ids) {
            if (id >= 0) {
                bits[id >>> 6] |= 1L << id;
            }
        }
        before = new int[bits.length];
        int count = 0;
        for (int w = 0; w < bits.length; w++) {
            before[w] = count;
            count += Long.bitCount(bits[w]);
        }
        members = new int[count];
        int n = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                members[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
    }

    boolean contains(int id) {
        return id >= 0 && id >>> 6 < bits.length && (bits[id >>> 6] & 1L << id) != 0;
    }

    /** The members among {@code sortedIds} (ascending, distinct), a bit at each one's position. */
    long[] membersIn(int[] sortedIds) {
        long[] held = new long[(members.length + 63) >>> 6];
        if (sortedIds.length > 8 * members.length) {
            // a short question against a long turn: search the turn for each member
            int from = 0;
            for (int p = 0; p < members.length && from < sortedIds.length; p++) {
                int at = Arrays.binarySearch(sortedIds, from, sortedIds.length, members[p]);
                if (at >= 0) {
                    held[p >>> 6] |= 1L << p;
                    from = at + 1;
                } else {
                    from = -at - 1;
                }
            }
            return held;
        }
        for (int id : sortedIds) {
            if (contains(id)) {
                int p = position(id);
                held[p >>> 6] |= 1L << p;
            }
        }
        return held;
    }

    /** True when {@code id} is a member and {@code held} has its bit. */
    boolean holds(long[] held, int id) {
        if (!contains(id)) {
            return false;
        }
        int p = position(id);
        return (held[p >>> 6] & 1L << p) != 0;
    }

    private int position(int id) {
        return before[id >>> 6] + Long.bitCount(bits[id >>> 6] & ((1L << id) - 1));
    }
}
