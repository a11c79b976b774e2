package io.qabot.knowledge;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
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
    private static final int CANDIDATES = 50;
    private static final int MAX_QUERY_TERMS = 48;
    private static final int MAX_QUESTION_CHARS = 4_000;

    private final List<Entry> entries;
    private final Map<String, Integer> documentFrequency;
    private final IndexSearcher searcher;
    private final MixedTextAnalyzer analyzer;
    private final Confidence confidence;
    private final Products products;

    private KnowledgeIndex(List<Entry> entries, Map<String, Integer> documentFrequency,
                           IndexSearcher searcher, MixedTextAnalyzer analyzer, Confidence confidence,
                           Products products) {
        this.entries = entries;
        this.documentFrequency = documentFrequency;
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.confidence = confidence;
        this.products = products;
    }

    public static KnowledgeIndex build(Collection<KnowledgeItem> items) {
        return build(items, Confidence.DEFAULT);
    }

    static KnowledgeIndex build(Collection<KnowledgeItem> items, Confidence confidence) {
        MixedTextAnalyzer analyzer = new MixedTextAnalyzer(FAMILY_PREFIXES);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> copyGroups = new HashMap<>();
        Map<String, Integer> df = new HashMap<>();
        Products products = Products.learn(items, FAMILY_PREFIXES);
        for (KnowledgeItem item : items) {
            String context = item.turns().get(0).question();
            for (int t = 0; t < item.turns().size(); t++) {
                Turn turn = item.turns().get(t);
                String contextText = t == 0 ? "" : context;
                List<String> q = analyzer.tokens(turn.question());
                List<String> c = analyzer.tokens(contextText);
                List<String> a = analyzer.tokens(turn.answer());
                Set<String> all = new LinkedHashSet<>(q);
                all.addAll(c);
                all.addAll(a);
                all.forEach(term -> df.merge(term, 1, Integer::sum));
                // The same thread is often copied into several posts: copies share a group,
                // so one copy is never counted as the runner-up of another.
                int group = copyGroups.computeIfAbsent(copyKey(turn.question()), k -> copyGroups.size());
                entries.add(new Entry(item, t, q, c, a, Set.copyOf(q), Set.copyOf(c), Set.copyOf(all), group,
                        products.mentionedIn(all, item.project())));
            }
        }
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            // terms are analysed once, above; Lucene sees them space-separated
            IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    Document doc = new Document();
                    doc.add(new TextField(QUESTION, String.join(" ", e.questionTokens()), Field.Store.NO));
                    doc.add(new TextField(CONTEXT, String.join(" ", e.contextTokens()), Field.Store.NO));
                    doc.add(new TextField(ANSWER, String.join(" ", e.answerTokens()), Field.Store.NO));
                    doc.add(new NumericDocValuesField(ORDINAL, i));
                    writer.addDocument(doc);
                }
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new KnowledgeIndex(List.copyOf(entries), Map.copyOf(df), searcher, analyzer, confidence, products);
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
                .map(s -> new Candidate(s.entry().item(), s.entry().turnIndex(), s.rankScore())).toList();
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

    List<Scored> debugRank(String question) {
        return rank(queryTerms(ChatNoise.stripAddress(ChatNoise.normalize(question))));
    }

    List<String> terms(String question) {
        return queryTerms(ChatNoise.stripAddress(ChatNoise.normalize(question)));
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
        Set<String> named = products.namedIn(queryTerms);
        List<Scored> scored = new ArrayList<>();
        try {
            TopDocs top = searcher.search(query.build(), CANDIDATES);
            for (ScoreDoc hit : top.scoreDocs) {
                Entry entry = entries.get(ordinal(hit.doc));
                scored.add(Scored.of(entry, hit.score, queryTerms, idf, totalIdf, named, this));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
        double bestBm25 = scored.stream().mapToDouble(Scored::bm25).max().orElse(1);
        List<Scored> ranked = new ArrayList<>(scored.size());
        scored.forEach(s -> ranked.add(s.ranked(bestBm25)));
        ranked.sort(Comparator.comparingDouble(Scored::rankScore).reversed());
        return ranked;
    }

    boolean unseen(String term) {
        return !documentFrequency.containsKey(term);
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
        Set<String> terms = new LinkedHashSet<>(analyzer.tokens(text));
        if (terms.size() <= MAX_QUERY_TERMS) {
            return List.copyOf(terms);
        }
        return terms.stream().sorted(Comparator.comparingDouble(this::idf).reversed())
                .limit(MAX_QUERY_TERMS).toList();
    }

    private static String copyKey(String question) {
        return question.replaceAll("[\\p{P}\\p{S}\\s]+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** One indexed turn with its analysed terms. */
    record Entry(KnowledgeItem item, int turnIndex, List<String> questionTokens, List<String> contextTokens,
                 List<String> answerTokens, Set<String> question, Set<String> contextTerms, Set<String> all,
                 int group, Set<String> products) {
    }
}
