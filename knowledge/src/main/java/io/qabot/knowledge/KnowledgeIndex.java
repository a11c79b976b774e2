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
import org.apache.lucene.index.TermStates;
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
    private static final int CANDIDATES = 50;
    private static final int MAX_QUERY_TERMS = 48;
    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("(?<![\\w.\\-/])[A-Za-z][A-Za-z0-9]{2,}(?![\\w.\\-/])");
    private static final int MAX_QUESTION_CHARS = 4_000;

    private final List<Entry> entries;
    private final Map<String, Double> idfs;
    private final double unseenIdf;
    private final IndexSearcher searcher;
    private final java.util.concurrent.ConcurrentHashMap<Term, TermStates> termStates =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final MixedTextAnalyzer analyzer;
    private final Confidence confidence;
    private final Products products;
    private final Glossary glossary;

    private KnowledgeIndex(List<Entry> entries, Map<String, Double> idfs,
                           IndexSearcher searcher, MixedTextAnalyzer analyzer, Confidence confidence,
                           Products products, Glossary glossary) {
        this.entries = entries;
        this.idfs = idfs;
        this.unseenIdf = Math.log(1 + (entries.size() + 0.5) / 0.5);
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.confidence = confidence;
        this.products = products;
        this.glossary = glossary;
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
            IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                    // merging only neighbouring segments keeps documents in the order they were
                    // added, so after the final merge a document's id is its entry's position
                    .setMergePolicy(new LogDocMergePolicy());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < entries.size(); i++) {
                    Entry e = entries.get(i);
                    Document doc = new Document();
                    doc.add(new TextField(QUESTION, String.join(" ", e.questionTokens()), Field.Store.NO));
                    doc.add(new TextField(CONTEXT, String.join(" ", e.contextTokens()), Field.Store.NO));
                    doc.add(new TextField(ANSWER, String.join(" ", e.answerTokens()), Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            // every query is different: caching clauses only costs time and memory
            searcher.setQueryCache(null);
            int n = entries.size();
            Map<String, Double> idfs = new HashMap<>(df.size() * 2);
            df.forEach((term, count) -> idfs.put(term, Math.log(1 + (n - count + 0.5) / (count + 0.5))));
            return new KnowledgeIndex(List.copyOf(entries), idfs, searcher, analyzer, confidence, products,
                    Glossary.load(analyzer));
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
        String asked = ChatNoise.stripAddress(text);
        List<String> queryTerms = queryTerms(asked);
        if (queryTerms.isEmpty()) {
            return new Match(question, Decision.IGNORE, 0, List.of());
        }
        List<Scored> ranked = rank(queryTerms, names(asked));
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
        // An answer about another product than the one asked about is wrong however close the
        // words are, so no amount of other evidence makes it an answer.
        boolean answer = p >= confidence.answerThreshold() && !best.otherProduct() && !namesSomethingUnknown(text);
        Decision decision = answer ? Decision.ANSWER : escalateOrIgnore(text);
        return new Match(question, decision, p, candidates);
    }

    /** Explains the features behind a match; for evaluation and the dashboard's "why". */
    Features explain(String question) {
        String asked = ChatNoise.stripAddress(ChatNoise.normalize(question));
        List<String> queryTerms = queryTerms(asked);
        List<Scored> ranked = rank(queryTerms, names(asked));
        if (ranked.isEmpty()) {
            return null;
        }
        Scored best = ranked.get(0);
        Scored runnerUp = ranked.stream().skip(1).filter(s -> s.entry().group() != best.entry().group())
                .findFirst().orElse(null);
        return Features.of(best, runnerUp, queryTerms.size());
    }

    List<Scored> debugRank(String question) {
        String text = ChatNoise.stripAddress(ChatNoise.normalize(question));
        return rank(queryTerms(text), names(text));
    }

    public List<String> unseenTerms(String question) {
        return terms(question).stream().filter(t -> !idfs.containsKey(t)).toList();
    }

    List<String> terms(String question) {
        return queryTerms(ChatNoise.stripAddress(ChatNoise.normalize(question)));
    }

    private static Decision escalateOrIgnore(String text) {
        return ChatNoise.looksLikeQuestion(text) || text.strip().length() >= 12 ? Decision.ESCALATE : Decision.IGNORE;
    }

    private List<Scored> rank(List<String> queryTerms, List<List<String>> names) {
        List<Concept> concepts = new ArrayList<>(queryTerms.size());
        Set<String> expanded = new LinkedHashSet<>(queryTerms);
        double totalIdf = 0;
        for (String term : queryTerms) {
            List<List<String>> alternatives = glossary.alternativesOf(term);
            // a concept tells as much as its commonest name: "database" is rare in a Chinese
            // corpus, but 数据库 is not
            double idf = idf(term);
            for (List<String> alternative : alternatives) {
                idf = Math.min(idf, alternative.stream().mapToDouble(this::idf).average().orElse(idf));
                expanded.addAll(alternative);
            }
            concepts.add(new Concept(term, alternatives, idf));
            totalIdf += idf;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : expanded) {
            if (!idfs.containsKey(term)) {
                continue; // no document has it: a clause would only cost a dictionary lookup
            }
            float weight = queryTerms.contains(term) ? 1f : 0.8f;
            query.add(new BoostQuery(termQuery(QUESTION, term), 3f * weight), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(termQuery(CONTEXT, term), 1f * weight), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(termQuery(ANSWER, term), 1.5f * weight), BooleanClause.Occur.SHOULD);
        }
        Set<String> named = products.namedIn(queryTerms);
        List<Scored> scored = new ArrayList<>();
        try {
            TopDocs top = searcher.search(query.build(), CANDIDATES);
            for (ScoreDoc hit : top.scoreDocs) {
                Entry entry = entries.get(hit.doc);
                scored.add(Scored.of(entry, hit.score, concepts, expanded, totalIdf, named, names, this));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
        double bestBm25 = scored.stream().mapToDouble(Scored::bm25).max().orElse(1);
        List<Scored> ranked = new ArrayList<>(scored.size());
        scored.forEach(s -> ranked.add(s.ranked(bestBm25)));
        ranked.sort(Comparator.comparingDouble(Scored::rankScore).reversed());
        return preferBestCopy(ranked);
    }

    /**
     * A term query that reuses the term's dictionary lookup: the index never changes, so the
     * lookup done for the first question that used a term serves every later one. Without
     * this, the dictionary seeks of a hundred clauses were most of a match's time.
     */
    private TermQuery termQuery(String field, String text) {
        Term term = new Term(field, text);
        TermStates states = termStates.computeIfAbsent(term, t -> {
            try {
                return TermStates.build(searcher, t, true);
            } catch (IOException e) {
                throw new UncheckedIOException("looking up a term in the in-memory index failed", e);
            }
        });
        return new TermQuery(term, states);
    }

    boolean unseen(Concept concept) {
        return !idfs.containsKey(concept.term()) && concept.alternatives().stream()
                .noneMatch(a -> a.stream().allMatch(idfs::containsKey));
    }

    /**
     * True when the question names a technology the knowledge never mentions: a capitalised
     * or versioned word ({@code Kotlin}, {@code PostgreSQL}, {@code ARM64}, {@code Vue3}) that
     * no item uses. Such a question is about that thing, and no answer here can be about it.
     * Dotted and underscored identifiers are left out: they come from code and error
     * messages, whose rare parts say little about the subject.
     */
    private boolean namesSomethingUnknown(String text) {
        return names(text).stream().anyMatch(tokens -> tokens.stream().noneMatch(idfs::containsKey));
    }

    /** The names a question uses, each as its analysed terms (any one of which stands for it). */
    private List<List<String>> names(String text) {
        List<List<String>> names = new ArrayList<>();
        java.util.regex.Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            boolean looksLikeName = name.chars().skip(1).anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                    || Character.isUpperCase(name.charAt(0)) && name.length() >= 4;
            List<String> tokens = analyzer.tokens(name);
            if (looksLikeName && !tokens.isEmpty()) {
                names.add(tokens);
            }
        }
        return names;
    }

    double idf(String term) {
        Double idf = idfs.get(term);
        return idf == null ? unseenIdf : idf;
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

    /** Copies of one question differ in politeness, punctuation and spacing only. */
    private static String copyKey(String question) {
        return ChatNoise.stripAddress(ChatNoise.normalize(question)).replaceAll("[\\p{P}\\p{S}\\s]+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Of the copies of the best thread among the candidates, the one to answer with: the copy
     * that carries links (a reply with the project link is worth more), then the earliest,
     * which is the original.
     */
    private static List<Scored> preferBestCopy(List<Scored> ranked) {
        if (ranked.size() < 2) {
            return ranked;
        }
        int group = ranked.get(0).entry().group();
        Comparator<Scored> preference = Comparator
                .comparing((Scored s) -> s.entry().item().links().isEmpty())
                .thenComparing(s -> s.entry().item().source().date(), Comparator.nullsLast(Comparator.naturalOrder()));
        Scored chosen = ranked.stream().filter(s -> s.entry().group() == group).min(preference).orElseThrow();
        if (chosen == ranked.get(0)) {
            return ranked;
        }
        List<Scored> reordered = new ArrayList<>(ranked);
        reordered.remove(chosen);
        reordered.add(0, chosen);
        return reordered;
    }

    /** One indexed turn with its analysed terms. */
    record Entry(KnowledgeItem item, int turnIndex, List<String> questionTokens, List<String> contextTokens,
                 List<String> answerTokens, Set<String> question, Set<String> contextTerms, Set<String> all,
                 int group, Set<String> products) {
    }
}
