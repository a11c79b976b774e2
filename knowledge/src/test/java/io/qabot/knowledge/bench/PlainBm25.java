package io.qabot.knowledge.bench;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.util.List;

/**
 * The baseline the matcher is measured against: plain Lucene BM25 over each turn's question
 * and answer with the StandardAnalyzer, the top hit taken as the answer. Same corpus, same
 * questions, same process.
 */
final class PlainBm25 {
    private final IndexSearcher searcher;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();

    PlainBm25(List<KnowledgeItem> items) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (KnowledgeItem item : items) {
                for (Turn turn : item.turns()) {
                    Document doc = new Document();
                    doc.add(new TextField("text", turn.question() + "\n" + turn.answer(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    TopDocs search(String question) throws IOException {
        String escaped = QueryParser.escape(question);
        if (escaped.isBlank()) {
            return null;
        }
        QueryParser parser = new QueryParser("text", analyzer);
        try {
            Query query = parser.parse(escaped);
            return searcher.search(query, 1);
        } catch (org.apache.lucene.queryparser.classic.ParseException | IndexSearcher.TooManyClauses e) {
            return null;
        }
    }
}
