package io.qabot.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, thread-safe search index over knowledge items. Build one per knowledge
 * snapshot; swap the reference to reload.
 *
 * <p>Every turn of every item is one document: its own question, the thread's opening
 * question as context (so a follow-up is found by its own question and, more weakly, by
 * the thread's topic) and its answer. Lucene's BM25 finds candidates; {@link Confidence}
 * then judges the best one on length-independent features, because raw BM25 scores grow
 * with the length of the question and thresholds on them do not transfer.
 */
public final class KnowledgeIndex {
    static final List<String> FAMILY_PREFIXES = List.of("sofa");
    private static final String QUESTION = "q";
    private static final String CONTEXT = "c";
    private static final String ANSWER = "a";
    private static final String ORDINAL = "ord";
    private static final int CANDIDATES = 30;
    private static final int MAX_QUERY_TERMS = 48;
    private static final int MAX_QUESTION_CHARS = 4_000;

    private final List<Entry> entries;
    private final Map<String, Integer> documentFrequency;
    private final IndexSearcher searcher;
    private final Analyzer queryAnalyzer;
    private final Confidence confidence;

    private KnowledgeIndex(List<Entry> entries, Map<String, Integer> documentFrequency,
                           IndexSearcher searcher, Analyzer queryAnalyzer, Confidence confidence) {
        this.entries = entries;
        this.documentFrequency = documentFrequency;
        this.searcher = searcher;
        this.queryAnalyzer = queryAnalyzer;
        this.confidence = confidence;
    }

    public static KnowledgeIndex build(Collection<KnowledgeItem> items) {
        return build(items, Confidence.DEFAULT);
    }

    static KnowledgeIndex build(Collection<KnowledgeItem> items, Confidence confidence) {
        Analyzer queryAnalyzer = new MixedTextAnalyzer(false, FAMILY_PREFIXES);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> copyGroups = new HashMap<>();
        Map<String, Integer> df = new HashMap<>();
        for (KnowledgeItem item : items) {
            String context = item.turns().get(0).question();
            for (int t = 0; t < item.turns().size(); t++) {
                Turn turn = item.turns().get(t);
                String contextText = t == 0 ? "" : context;
                Set<String> q = terms(queryAnalyzer, turn.question());
                Set<String> c = terms(queryAnalyzer, contextText);
                Set<String> a = terms(queryAnalyzer, turn.answer());
                Set<String> all = new LinkedHashSet<>(q);
                all.addAll(c);
                all.addAll(a);
                all.forEach(term -> df.merge(term, 1, Integer::sum));
                // The same thread is often copied into several posts: copies share a group,
                // so one copy is never counted as the runner-up of another.
                int group = copyGroups.computeIfAbsent(copyKey(turn.question()), k -> copyGroups.size());
                entries.add(new Entry(item, t, contextText, q, c, a, all, group));
            }
        }
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(new MixedTextAnalyzer(true, FAMILY_PREFIXES));
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    Document doc = new Document();
                    doc.add(new TextField(QUESTION, e.item().turns().get(e.turnIndex()).question(), Field.Store.NO));
                    doc.add(new TextField(CONTEXT, e.context(), Field.Store.NO));
                    doc.add(new TextField(ANSWER, e.item().turns().get(e.turnIndex()).answer(), Field.Store.NO));
                    doc.add(new NumericDocValuesField(ORDINAL, i));
                    writer.addDocument(doc);
                }
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new KnowledgeIndex(List.copyOf(entries), Map.copyOf(df), searcher, queryAnalyzer, confidence);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
    }

    /** Number of items (threads) in the index. */
    public int size() {
        return (int) entries.stream().map(Entry::item).distinct().count();
    }

    /** Number of turns (question/answer pairs) in the index. */
    public int turns() {
        return entries.size();
    }

    /** Matches one chat message against the knowledge. Never throws for any text. */
    public Match match(String question) {
        String text = ChatNoise.normalize(question.length() > MAX_QUESTION_CHARS
                ? question.substring(0, MAX_QUESTION_CHARS) : question);
        if (ChatNoise.isChatter(text)) {
            return new Match(question, Decision.IGNORE, 0, List.of());
        }
        List<String> queryTerms = queryTerms(ChatNoise.stripAddress(text));
        if (queryTerms.isEmpty()) {
            return new Match(question, Decision.IGNORE, 0, List.of());
        }
        List<Scored> ranked = rank(queryTerms);
        if (ranked.isEmpty()) {
            return new Match(question, escalateOrIgnore(text), 0, List.of());
        }
        Scored best = ranked.get(0);
        Scored runnerUp = ranked.stream().skip(1).filter(s -> s.entry().group() != best.entry().group())
                .findFirst().orElse(null);
        Features features = Features.of(best, runnerUp, queryTerms.size());
        double p = confidence.probability(features);
        List<Candidate> candidates = ranked.stream().limit(5)
                .map(s -> new Candidate(s.entry().item(), s.entry().turnIndex(), s.score())).toList();
        Decision decision = p >= confidence.answerThreshold() ? Decision.ANSWER : escalateOrIgnore(text);
        return new Match(question, decision, p, candidates);
    }

    /** Explains the features behind a match; for evaluation and the dashboard's "why". */
    Features explain(String question) {
        String text = ChatNoise.normalize(question);
        List<String> queryTerms = queryTerms(ChatNoise.stripAddress(text));
        List<Scored> ranked = rank(queryTerms);
        if (ranked.isEmpty()) {
            return null;
        }
        Scored best = ranked.get(0);
        Scored runnerUp = ranked.stream().skip(1).filter(s -> s.entry().group() != best.entry().group())
                .findFirst().orElse(null);
        return Features.of(best, runnerUp, queryTerms.size());
    }

    private static Decision escalateOrIgnore(String text) {
        return ChatNoise.looksLikeQuestion(text) || text.strip().length() >= 12 ? Decision.ESCALATE : Decision.IGNORE;
    }

    private List<Scored> rank(List<String> queryTerms) {
        Map<String, Double> idf = new HashMap<>();
        double totalIdf = 0;
        for (String term : queryTerms) {
            double w = idf(term);
            idf.put(term, w);
            totalIdf += w;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : queryTerms) {
            query.add(new BoostQuery(new TermQuery(new Term(QUESTION, term)), 3f), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(CONTEXT, term)), 1f), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term(ANSWER, term)), 1.5f), BooleanClause.Occur.SHOULD);
        }
        List<Scored> scored = new ArrayList<>();
        try {
            TopDocs top = searcher.search(query.build(), CANDIDATES);
            for (ScoreDoc hit : top.scoreDocs) {
                Entry entry = entries.get(ordinal(hit.doc));
                scored.add(Scored.of(entry, hit.score, queryTerms, idf, totalIdf, this));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
        scored.sort(Comparator.comparingDouble(Scored::rankScore).reversed());
        return scored;
    }

    double idf(String term) {
        int n = entries.size();
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private int ordinal(int docId) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(docId, leaves));
        NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
        ordinals.advanceExact(docId - leaf.docBase);
        return (int) ordinals.longValue();
    }

    /** The distinct query terms, at most {@value #MAX_QUERY_TERMS}, keeping the rarest. */
    private List<String> queryTerms(String text) {
        Set<String> terms = terms(queryAnalyzer, text);
        if (terms.size() <= MAX_QUERY_TERMS) {
            return List.copyOf(terms);
        }
        return terms.stream().sorted(Comparator.comparingDouble(this::idf).reversed())
                .limit(MAX_QUERY_TERMS).toList();
    }

    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text.isEmpty()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return terms;
    }

    private static String copyKey(String question) {
        return question.replaceAll("[\\p{P}\\p{S}\\s]+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** One indexed turn with its analysed terms. */
    record Entry(KnowledgeItem item, int turnIndex, String context, Set<String> question,
                 Set<String> contextTerms, Set<String> answer, Set<String> all, int group) {
    }
}
