package io.qabot.knowledge;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;

/**
 * The postings of a Lucene index, loaded into arrays and scored exactly as Lucene scores a
 * BooleanQuery of boosted term queries, one per term and field, under BM25Similarity: same
 * floats, same top hits, same order of ties.
 *
 * <p>Why not IndexSearcher: a question becomes up to 150 clauses (its terms and their
 * glossary alternatives, in three fields). For each, Lucene seeks the term dictionary, clones
 * its inputs and sets up a postings enum and a scorer, and over a small corpus that set-up,
 * not the scoring, was most of a match; over a large one, MaxScore's partitioning and
 * decoding of compressed blocks was. The whole index fits in memory, so here a term's
 * postings are two arrays, scored term at a time into an array of sums.
 *
 * <p>Every posting of every term is scored. Skipping the documents that cannot reach the
 * top hits (MaxScore, term at a time) was tried and lost over the 100k synthetic corpus:
 * its copied answers leave tens of thousands of documents within reach of the 50th best
 * until the last terms, so the bookkeeping cost more than the postings it skipped.
 *
 * <p>Lucene still builds the index (inversion, norms, statistics); this class reads it once.
 */
final class Bm25Postings {
    /** BM25Similarity's defaults. */
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    private final Field[] fields;
    private final int documents;
    private final ConcurrentLinkedQueue<Scratch> scratch = new ConcurrentLinkedQueue<>();

    private Bm25Postings(Field[] fields, int documents) {
        this.fields = fields;
        this.documents = documents;
    }

    /**
     * Writes the loaded arrays, so that {@link #read} makes the same postings without Lucene:
     * floats as their bits, the same scores to the last bit.
     */
    void write(java.io.DataOutputStream out) throws IOException {
        out.writeInt(documents);
        out.writeInt(fields.length);
        for (Field field : fields) {
            out.writeFloat(field.boost);
            SnapshotOutput.writeInts(out, field.start);
            SnapshotOutput.writeInts(out, field.docs);
            SnapshotOutput.writeFloats(out, field.tf);
            SnapshotOutput.writeFloats(out, field.idf);
            SnapshotOutput.writeFloats(out, field.maxTf);
        }
    }

    /**
     * Postings as {@link #write} wrote them, for {@code terms} term numbers.
     *
     * @throws IllegalArgumentException when they are inconsistent (a document or term out of range)
     */
    static Bm25Postings read(SnapshotInput in, int terms) {
        int documents = in.count();
        Field[] fields = new Field[in.count()];
        for (int f = 0; f < fields.length; f++) {
            float boost = in.readFloat();
            int[] start = in.ints();
            int[] docs = in.ints();
            float[] tf = in.floats();
            float[] idf = in.floats();
            float[] maxTf = in.floats();
            if (start.length != terms + 1 || idf.length != terms || maxTf.length != terms || tf.length != docs.length
                    || start[0] != 0 || start[terms] != docs.length) {
                throw new IllegalArgumentException("postings of field " + f + " do not fit " + terms + " terms");
            }
            for (int t = 0; t < terms; t++) {
                if (start[t + 1] < start[t]) {
                    throw new IllegalArgumentException("postings of field " + f + " out of order at term " + t);
                }
            }
            for (int doc : docs) {
                if (doc < 0 || doc >= documents) {
                    throw new IllegalArgumentException("document " + doc + " of " + documents);
                }
            }
            fields[f] = new Field(boost, start, docs, tf, idf, maxTf);
        }
        return new Bm25Postings(fields, documents);
    }

    /** The best hits, best first; ties in order of document number, as Lucene orders them. */
    record Hits(int[] docs, float[] scores) {
        int size() {
            return docs.length;
        }
    }

    /**
     * Reads the postings of the given fields.
     *
     * @param reader      an index of at most one segment, without deletions
     * @param fieldNames  the fields to load, in the order their boosts are given
     * @param fieldBoosts each field's boost, as a query would boost its term queries
     * @param termIds     the number of every term the index holds, below {@code terms}
     * @param terms       how many term numbers there are
     */
    static Bm25Postings load(IndexReader reader, List<String> fieldNames, float[] fieldBoosts,
                             ToIntFunction<String> termIds, int terms) throws IOException {
        if (reader.leaves().size() > 1 || reader.hasDeletions()) {
            throw new IllegalArgumentException("expected one segment without deletions, got "
                    + reader.leaves().size() + " segments");
        }
        LeafReader leaf = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();
        Field[] fields = new Field[fieldNames.size()];
        for (int f = 0; f < fields.length; f++) {
            Terms indexed = leaf == null ? null : leaf.terms(fieldNames.get(f));
            fields[f] = indexed == null ? Field.empty(terms, fieldBoosts[f])
                    : Field.load(indexed, leaf.getNormValues(fieldNames.get(f)), leaf.maxDoc(), fieldBoosts[f],
                    termIds, terms);
        }
        return new Bm25Postings(fields, reader.maxDoc());
    }

    /**
     * The postings {@link #load} reads from a Lucene index of documents whose fields are these
     * tokens joined by spaces (what {@link IndexBuilder} gives Lucene's whitespace tokenizer),
     * counted here without Lucene: the same arrays, to the last bit of every float.
     *
     * @param tokens      per field, per document: the term number of each of its tokens, in order
     * @param fieldBoosts each field's boost
     * @param terms       how many term numbers there are; every token's is below it
     */
    static Bm25Postings count(int[][][] tokens, float[] fieldBoosts, int terms) {
        Field[] fields = new Field[tokens.length];
        int documents = tokens.length == 0 ? 0 : tokens[0].length;
        for (int f = 0; f < fields.length; f++) {
            fields[f] = Field.count(tokens[f], fieldBoosts[f], terms);
        }
        return new Bm25Postings(fields, documents);
    }

    /**
     * The {@code k} documents with the highest BM25 sum over the given terms in every field.
     *
     * @param termIds    distinct term numbers; negative ones are skipped
     * @param termBoosts each term's boost, multiplied with the field's
     */
    Hits top(int[] termIds, float[] termBoosts, int k) {
        Scratch s = scratch.poll();
        if (s == null) {
            s = new Scratch(documents);
        }
        try {
            return s.top(fields, termIds, termBoosts, k);
        } finally {
            scratch.offer(s);
        }
    }

    /** One field's postings in compressed-row form: term {@code t}'s are {@code start[t]..start[t+1]}. */
    private static final class Field {
        final float boost;
        final int[] start;
        final int[] docs;
        /** Per posting: frequency times the inverse of the length norm, Lucene's own product. */
        final float[] tf;
        /** Per term: BM25 idf, and the largest {@link #tf} of its postings. */
        final float[] idf;
        final float[] maxTf;

        private Field(float boost, int[] start, int[] docs, float[] tf, float[] idf, float[] maxTf) {
            this.boost = boost;
            this.start = start;
            this.docs = docs;
            this.tf = tf;
            this.idf = idf;
            this.maxTf = maxTf;
        }

        static Field empty(int terms, float boost) {
            return new Field(boost, new int[terms + 1], new int[0], new float[0], new float[terms], new float[terms]);
        }

        static Field load(Terms indexed, NumericDocValues norms, int maxDoc, float boost,
                          ToIntFunction<String> termIds, int terms) throws IOException {
            long docCount = indexed.getDocCount();
            float[] inverseNorm = inverseNorms(indexed.getSumTotalTermFreq(), docCount);
            byte[] norm = new byte[maxDoc];
            if (norms != null) {
                for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
                    norm[doc] = (byte) norms.longValue();
                }
            }
            int[] count = new int[terms + 1];
            float[] idf = new float[terms];
            TermsEnum each = indexed.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                int id = termId(termIds, term, terms);
                count[id + 1] = each.docFreq();
                idf[id] = idf(docCount, each.docFreq());
            }
            int[] start = count;
            for (int t = 0; t < terms; t++) {
                start[t + 1] += start[t];
            }
            int[] docs = new int[start[terms]];
            float[] tf = new float[start[terms]];
            float[] maxTf = new float[terms];
            PostingsEnum postings = null;
            each = indexed.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                int id = termId(termIds, term, terms);
                int p = start[id];
                postings = each.postings(postings, PostingsEnum.FREQS);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    docs[p] = doc;
                    tf[p] = postings.freq() * inverseNorm[norm[doc] & 0xFF];
                    maxTf[id] = Math.max(maxTf[id], tf[p]);
                    p++;
                }
            }
            return new Field(boost, start, docs, tf, idf, maxTf);
        }

        /** As {@link #load} reads it from Lucene's index of these documents; see {@link Bm25Postings#count}. */
        static Field count(int[][] documents, float boost, int terms) {
            long docCount = 0;
            long totalTermFreq = 0;
            int[] count = new int[terms + 1];
            int[][] sorted = new int[documents.length][];
            for (int doc = 0; doc < documents.length; doc++) {
                int[] tokens = documents[doc].clone();
                Arrays.sort(tokens);
                sorted[doc] = tokens;
                if (tokens.length > 0) {
                    docCount++; // Lucene counts the documents with a term in the field
                    totalTermFreq += tokens.length;
                }
                for (int i = 0; i < tokens.length; i++) {
                    if (i == 0 || tokens[i] != tokens[i - 1]) {
                        count[tokens[i] + 1]++;
                    }
                }
            }
            if (docCount == 0) {
                return empty(terms, boost); // Lucene has no terms for a field no document uses
            }
            float[] inverseNorm = inverseNorms(totalTermFreq, docCount);
            float[] idf = new float[terms];
            for (int t = 0; t < terms; t++) {
                if (count[t + 1] > 0) {
                    idf[t] = idf(docCount, count[t + 1]);
                }
            }
            int[] start = count;
            for (int t = 0; t < terms; t++) {
                start[t + 1] += start[t];
            }
            int[] next = Arrays.copyOf(start, terms);
            int[] docs = new int[start[terms]];
            float[] tf = new float[start[terms]];
            float[] maxTf = new float[terms];
            for (int doc = 0; doc < sorted.length; doc++) {
                int[] tokens = sorted[doc];
                if (tokens.length == 0) {
                    continue;
                }
                // the norm BM25Similarity stores: the field's length in tokens, as one byte
                float inverse = inverseNorm[SmallFloat.intToByte4(tokens.length) & 0xFF];
                for (int i = 0; i < tokens.length; ) {
                    int id = tokens[i];
                    int freq = 0;
                    while (i < tokens.length && tokens[i] == id) {
                        freq++;
                        i++;
                    }
                    int p = next[id]++;
                    docs[p] = doc;
                    tf[p] = freq * inverse;
                    maxTf[id] = Math.max(maxTf[id], tf[p]);
                }
            }
            return new Field(boost, start, docs, tf, idf, maxTf);
        }

        /** BM25Similarity.scorer's cache, for this field's average length: 1 / (k1 (1 - b + b length / average)) per norm. */
        private static float[] inverseNorms(long totalTermFreq, long docCount) {
            float averageLength = (float) (totalTermFreq / (double) docCount);
            float[] inverseNorm = new float[256];
            for (int i = 0; i < inverseNorm.length; i++) {
                float length = SmallFloat.byte4ToInt((byte) i);
                inverseNorm[i] = 1f / (K1 * ((1 - B) + B * length / averageLength));
            }
            return inverseNorm;
        }

        /** BM25Similarity's idf. */
        private static float idf(long docCount, long docFreq) {
            return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
        }

        private static int termId(ToIntFunction<String> termIds, BytesRef term, int terms) {
            int id = termIds.applyAsInt(term.utf8ToString());
            if (id < 0 || id >= terms) {
                throw new IllegalStateException("the index holds a term without a number: " + term.utf8ToString());
            }
            return id;
        }
    }

    /**
     * A query's working memory, reused: sums by document, which documents have one (a bit
     * each, so the check stays in the fastest cache) and their list.
     */
    private static final class Scratch {
        final double[] sums;
        final long[] seen;
        final int[] touched;

        Scratch(int documents) {
            sums = new double[documents];
            seen = new long[(documents + 63) >>> 6];
            touched = new int[documents + 1]; // one more: the branch-free append writes before it counts
        }

        Hits top(Field[] fields, int[] termIds, float[] termBoosts, int k) {
            int n = 0;
            for (int i = 0; i < termIds.length; i++) {
                int id = termIds[i];
                if (id < 0) {
                    continue;
                }
                for (Field field : fields) {
                    if (id >= field.idf.length || field.start[id] == field.start[id + 1]) {
                        continue;
                    }
                    float weight = field.boost * termBoosts[i] * field.idf[id];
                    int[] docs = field.docs;
                    float[] tf = field.tf;
                    for (int p = field.start[id], end = field.start[id + 1]; p < end; p++) {
                        int doc = docs[p];
                        // BM25Similarity's weight * tf / (tf + norm), in its own monotonic form
                        float score = weight - weight / (1f + tf[p]);
                        long word = seen[doc >>> 6];
                        long bit = 1L << doc;
                        // without a branch to mispredict: every document is written to the
                        // list, and the list grows only when the document is new
                        seen[doc >>> 6] = word | bit;
                        touched[n] = doc;
                        n += (int) (((word & bit) - 1) >>> 63);
                        sums[doc] += score;
                    }
                }
            }
            Hits best = best(n, k);
            for (int i = 0; i < n; i++) {
                seen[touched[i] >>> 6] = 0;
                sums[touched[i]] = 0;
            }
            return best;
        }

        /** Lucene sums a document's clause scores in double and hands the collector a float. */
        private Hits best(int n, int k) {
            int size = Math.min(n, k);
            int[] heapDocs = new int[size];
            float[] heapScores = new float[size];
            int filled = 0;
            for (int i = 0; i < n; i++) {
                int doc = touched[i];
                float score = (float) sums[doc];
                if (filled < size) {
                    heapDocs[filled] = doc;
                    heapScores[filled] = score;
                    up(heapDocs, heapScores, filled++);
                } else if (worse(heapScores[0], heapDocs[0], score, doc)) {
                    heapDocs[0] = doc;
                    heapScores[0] = score;
                    down(heapDocs, heapScores, size);
                }
            }
            int[] docs = new int[size];
            float[] scores = new float[size];
            for (int i = size - 1; i >= 0; i--) {
                docs[i] = heapDocs[0];
                scores[i] = heapScores[0];
                heapDocs[0] = heapDocs[i];
                heapScores[0] = heapScores[i];
                down(heapDocs, heapScores, i);
            }
            return new Hits(docs, scores);
        }

        /** True when hit a ranks below hit b: lower score, or the same score and a later document. */
        private static boolean worse(float scoreA, int docA, float scoreB, int docB) {
            return scoreA < scoreB || scoreA == scoreB && docA > docB;
        }

        private static void up(int[] docs, float[] scores, int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(scores[i], docs[i], scores[parent], docs[parent])) {
                    return;
                }
                swap(docs, scores, i, parent);
                i = parent;
            }
        }

        private static void down(int[] docs, float[] scores, int size) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    return;
                }
                if (child + 1 < size && worse(scores[child + 1], docs[child + 1], scores[child], docs[child])) {
                    child++;
                }
                if (!worse(scores[child], docs[child], scores[i], docs[i])) {
                    return;
                }
                swap(docs, scores, i, child);
                i = child;
            }
        }

        private static void swap(int[] docs, float[] scores, int a, int b) {
            int d = docs[a];
            docs[a] = docs[b];
            docs[b] = d;
            float s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
        }
    }
}
