package io.qabot.knowledge;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finished {@link KnowledgeIndex}'s query side as bytes: its vocabulary (terms and idf), its
 * entries (term numbers, copy groups, products) and its postings arrays, everything but the
 * items, which entries name by their position in the list the index was built from. Decoding it
 * takes no analysis, no vocabulary counting and no Lucene, and gives the same doubles and floats,
 * so the same decisions to the last bit ({@code IndexSnapshotTest} checks this).
 */
final class IndexImage {
    private IndexImage() {
    }

    static void write(KnowledgeIndex index, List<KnowledgeItem> items, DataOutputStream out) throws IOException {
        Vocabulary vocabulary = index.vocabularyForTools();
        String[] terms = vocabulary.terms();
        out.writeInt(terms.length);
        double[] idf = new double[terms.length];
        for (int id = 0; id < terms.length; id++) {
            SnapshotOutput.writeString(out, terms[id]);
            idf[id] = vocabulary.idf(id);
        }
        SnapshotOutput.writeDoubles(out, idf);
        out.writeDouble(vocabulary.unseenIdf());
        Map<KnowledgeItem, Integer> positions = new IdentityHashMap<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            positions.put(items.get(i), i);
        }
        List<KnowledgeIndex.Entry> entries = index.entriesForSnapshot();
        out.writeInt(entries.size());
        for (KnowledgeIndex.Entry entry : entries) {
            Integer position = positions.get(entry.item());
            if (position == null) {
                throw new IllegalArgumentException("the index holds an item that is not in the list: " + entry.item().id());
            }
            out.writeInt(position);
            out.writeInt(entry.turnIndex());
            SnapshotOutput.writeInts(out, entry.question());
            boolean threadIsQuestion = entry.thread() == entry.question();
            out.writeBoolean(threadIsQuestion);
            if (!threadIsQuestion) {
                SnapshotOutput.writeInts(out, entry.thread());
            }
            SnapshotOutput.writeInts(out, entry.all());
            out.writeDouble(entry.questionIdf());
            out.writeInt(entry.group());
            out.writeInt(entry.products().size());
            for (String product : entry.products()) {
                SnapshotOutput.writeString(out, product);
            }
            out.writeInt(entry.asks());
        }
        index.postingsForSnapshot().write(out);
    }

    /**
     * The index {@link #write} wrote for {@code items}.
     *
     * @throws IllegalArgumentException when the bytes do not fit the items or are inconsistent
     */
    static KnowledgeIndex read(SnapshotInput in, List<KnowledgeItem> items, Confidence confidence) {
        String[] terms = new String[in.count(Integer.BYTES)];
        for (int id = 0; id < terms.length; id++) {
            terms[id] = in.string();
        }
        Vocabulary vocabulary = Vocabulary.of(terms, in.doubles(), in.readDouble());
        KnowledgeIndex.Entry[] entries = new KnowledgeIndex.Entry[in.count(Integer.BYTES)];
        for (int e = 0; e < entries.length; e++) {
            int position = in.readInt();
            if (position < 0 || position >= items.size()) {
                throw new IllegalArgumentException("item " + position + " of " + items.size());
            }
            KnowledgeItem item = items.get(position);
            int turnIndex = in.readInt();
            if (turnIndex < 0 || turnIndex >= item.turns().size()) {
                throw new IllegalArgumentException("turn " + turnIndex + " of item " + item.id());
            }
            int[] question = termIds(in.ints(), terms.length);
            int[] thread = in.readBoolean() ? question : termIds(in.ints(), terms.length);
            int[] all = termIds(in.ints(), terms.length);
            double questionIdf = in.readDouble();
            int group = in.readInt();
            String[] products = new String[in.count(Integer.BYTES)];
            for (int p = 0; p < products.length; p++) {
                products[p] = in.string();
            }
            entries[e] = new KnowledgeIndex.Entry(item, turnIndex, question, thread, all, questionIdf, group,
                    Set.of(products), in.readInt());
        }
        Bm25Postings postings = Bm25Postings.read(in, terms.length);
        if (in.remaining() != 0) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the postings");
        }
        MixedTextAnalyzer analyzer = IndexBuilder.analyzer();
        Products products = Products.learn(items, Community.BUILT_IN.familyPrefixes());
        return IndexBuilder.assemble(List.of(entries), vocabulary, postings, analyzer, products, confidence);
    }

    private static int[] termIds(int[] ids, int terms) {
        for (int id : ids) {
            if (id < 0 || id >= terms) {
                throw new IllegalArgumentException("term " + id + " of " + terms);
            }
        }
        return ids;
    }
}
