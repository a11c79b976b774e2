package io.qabot.knowledge;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arrays must find what Lucene's IndexSearcher finds for the same BooleanQuery: the same
 * documents with the same float scores in the same order, ties included, or the matcher's
 * decisions would change with the way it retrieves.
 */
class Bm25PostingsTest {
    private static final List<String> FIELDS = List.of("q", "c", "a");
    private static final float[] FIELD_BOOSTS = {3f, 1f, 1.5f};
    private static final int WORDS = 600;
    private static final int TOP = 50;

    @Test
    void findsTheSameHitsWithTheSameScoresInTheSameOrderAsLuceneSearch() throws IOException {
        Random random = new Random(20261122);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(new LogDocMergePolicy());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int d = 0; d < 2_000; d++) {
                Document doc = new Document();
                doc.add(new TextField("q", text(random, 1 + random.nextInt(20)), Field.Store.NO));
                // like a thread's first turn, many documents have no context at all
                doc.add(new TextField("c", random.nextInt(3) == 0 ? "" : text(random, random.nextInt(20)), Field.Store.NO));
                // a few documents repeat another's text exactly, so equal scores must tie-break alike
                doc.add(new TextField("a", d % 50 == 1 ? "w1 w2 w3" : text(random, random.nextInt(200)), Field.Store.NO));
                writer.addDocument(doc);
                if (d % 500 == 0) {
                    writer.commit(); // several segments, merged below as the index merges them
                }
            }
            writer.forceMerge(1);
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Bm25Postings postings = Bm25Postings.load(reader, FIELDS, FIELD_BOOSTS, Bm25PostingsTest::id, WORDS);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            int compared = 0;
            for (int q = 0; q < 300; q++) {
                Set<Integer> terms = new LinkedHashSet<>();
                int size = q % 10 == 0 ? 1 + random.nextInt(120) : 1 + random.nextInt(12);
                while (terms.size() < size) {
                    terms.add(word(random));
                }
                int[] ids = terms.stream().mapToInt(Integer::intValue).toArray();
                float[] boosts = new float[ids.length];
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                for (int i = 0; i < ids.length; i++) {
                    boosts[i] = random.nextInt(4) == 0 ? 0.8f : 1f;
                    for (int f = 0; f < FIELDS.size(); f++) {
                        query.add(new BoostQuery(new TermQuery(new Term(FIELDS.get(f), "w" + ids[i])),
                                FIELD_BOOSTS[f] * boosts[i]), BooleanClause.Occur.SHOULD);
                    }
                }
                TopDocs expected = searcher.search(query.build(), new TopScoreDocCollectorManager(TOP, TOP));
                Bm25Postings.Hits actual = postings.top(ids, boosts, TOP);
                assertEquals(expected.scoreDocs.length, actual.size(), "hits for query " + q);
                for (int i = 0; i < actual.size(); i++) {
                    assertEquals(expected.scoreDocs[i].doc, actual.docs()[i], "document at " + i + " for query " + q);
                    assertEquals(expected.scoreDocs[i].score, actual.scores()[i], 0f, "score at " + i + " for query " + q);
                }
                compared += actual.size();
            }
            assertTrue(compared > 10_000, "too few hits compared: " + compared);
        }
    }

    @Test
    void aTermInEveryDocumentFindsEveryDocument() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (String text : List.of("w1 w2", "w1", "w3 w1 w1")) {
                Document doc = new Document();
                doc.add(new TextField("a", text, Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Bm25Postings postings = Bm25Postings.load(reader, FIELDS, FIELD_BOOSTS, Bm25PostingsTest::id, WORDS);
            // w2 comes after w1 has found every document
            Bm25Postings.Hits hits = postings.top(new int[]{1, 2}, new float[]{1f, 1f}, TOP);
            assertEquals(Set.of(0, 1, 2), java.util.Arrays.stream(hits.docs()).boxed().collect(Collectors.toSet()));
        }
    }

    @Test
    void unknownTermsAndAnEmptyIndexFindNothing() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer())).close();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Bm25Postings postings = Bm25Postings.load(reader, FIELDS, FIELD_BOOSTS, Bm25PostingsTest::id, WORDS);
            assertEquals(0, postings.top(new int[]{-1, 3}, new float[]{1f, 1f}, TOP).size());
        }
    }

    /** Zipf-like: a few words are in most documents, most words in few. */
    private static int word(Random random) {
        return (int) Math.min(WORDS - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(WORDS))) - 1);
    }

    private static String text(Random random, int words) {
        List<String> text = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            text.add("w" + word(random));
        }
        return String.join(" ", text);
    }

    private static int id(String term) {
        return Integer.parseInt(term.substring(1));
    }
}
