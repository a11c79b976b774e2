package io.qabot.knowledge;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the query side, {@link KnowledgeIndex}, from knowledge items: analyses every turn
 * (or takes its analysis from an {@link IndexSnapshot}), numbers the terms and counts their
 * document frequencies ({@link Vocabulary}), lets Lucene invert the turns and reads its
 * postings into arrays ({@link Bm25Postings}). Everything it makes is immutable; building is
 * the only place Lucene's index writer is used.
 *
 * <p>Every turn of every item is one document: its own question, the thread's opening
 * question as context (so a follow-up is found by its own question and, more weakly, by the
 * thread's topic) and its answer.
 */
final class IndexBuilder {
    private static final String QUESTION = "q";
    private static final String CONTEXT = "c";
    private static final String ANSWER = "a";
    /** A term counts most in a turn's own question, then in its answer, then in the thread's opening question. */
    private static final float[] FIELD_BOOSTS = {3f, 1f, 1.5f};
    /** Lucene's whitespace tokenizer splits a token at 255 characters; counting keeps well clear of it. */
    private static final int MAX_WHOLE_TOKEN = 200;

    private IndexBuilder() {
    }

    /** The analysis every index and every question of this build of qabot uses. */
    static MixedTextAnalyzer analyzer() {
        return new MixedTextAnalyzer(Community.BUILT_IN);
    }

    /** See {@link KnowledgeIndex#prepare()}. */
    static void prepare() {
        analyzer().terms("预热 warm-up");
    }

    /**
     * An index of {@code items}, taking each item's analysis from {@code stored} when it holds
     * one for the item (an {@link IndexSnapshot} or {@link KeptAnalyses}; null: none), and
     * analysing the others.
     */
    static KnowledgeIndex build(Collection<KnowledgeItem> items, Analyses stored, Confidence confidence) {
        return build(items, stored, confidence, false);
    }

    /**
     * As {@link #build(Collection, Analyses, Confidence)}; with {@code counted}, the postings are
     * counted here from the analysed terms ({@link Bm25Postings#count}) instead of by Lucene's
     * index writer, to the same arrays, when every term is one Lucene's whitespace tokenizer
     * would keep whole (else Lucene builds them as always). For the small sets rebuilt often
     * ({@link KeptAnalyses}): there Lucene's inversion and the reading back were most of a build.
     */
    static KnowledgeIndex build(Collection<KnowledgeItem> items, Analyses stored, Confidence confidence,
                                boolean counted) {
        List<String> familyPrefixes = Community.BUILT_IN.familyPrefixes();
        MixedTextAnalyzer analyzer = analyzer();
        Products products = Products.learn(items, familyPrefixes);
        Vocabulary.Builder counts = new Vocabulary.Builder();
        Map<String, Integer> copyGroups = new HashMap<>();
        List<TurnTerms> analysed = new ArrayList<>();
        // Analysis is most of the build and each item's is independent: spread it over
        // the cores, then index in order so that document ids stay entry positions.
        List<List<AnalysedTurn>> byItem = items.stream().parallel()
                .map(item -> stored == null ? analyse(item, analyzer)
                        : stored.analysed(item, i -> analyse(i, analyzer))).toList();
        boolean counting = counted && byItem.stream().allMatch(turns -> turns.stream().allMatch(IndexBuilder::wholeTokens));
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            // terms are analysed once, here; Lucene sees them space-separated
            IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                    // merging only neighbouring segments keeps documents in the order they were
                    // added, so after the final merge a document's id is its entry's position
                    .setMergePolicy(new LogDocMergePolicy())
                    // the postings are read into arrays and the files dropped: a compound file
                    // only made forceMerge(1) write the one flushed segment again, unpacked
                    .setUseCompoundFile(false);
            try (IndexWriter writer = counting ? null : new IndexWriter(directory, config)) {
                for (List<AnalysedTurn> turns : byItem) {
                    for (AnalysedTurn turn : turns) {
                        Set<String> thread = new LinkedHashSet<>(turn.question());
                        thread.addAll(turn.context());
                        Set<String> all = new LinkedHashSet<>(thread);
                        all.addAll(turn.answer());
                        counts.add(all);
                        // The same thread is often copied into several posts: copies share a
                        // group, so one copy is never counted as the runner-up of another.
                        int group = copyGroups.computeIfAbsent(turn.copyKey(), k -> copyGroups.size());
                        analysed.add(new TurnTerms(turn.item(), turn.turnIndex(), Set.copyOf(turn.question()), thread,
                                all, group, products.mentionedIn(turn.wholeWords(), turn.item().project()), turn.asks(),
                                counting ? turn : null));
                        if (writer != null) {
                            Document doc = new Document();
                            doc.add(new TextField(QUESTION, String.join(" ", turn.question()), Field.Store.NO));
                            doc.add(new TextField(CONTEXT, String.join(" ", turn.context()), Field.Store.NO));
                            doc.add(new TextField(ANSWER, String.join(" ", turn.answer()), Field.Store.NO));
                            writer.addDocument(doc);
                        }
                    }
                }
                if (writer != null) {
                    writer.forceMerge(1);
                }
            }
            Vocabulary vocabulary = counts.build();
            List<KnowledgeIndex.Entry> entries = new ArrayList<>(analysed.size());
            for (TurnTerms t : analysed) {
                int[] question = vocabulary.sortedIds(t.question());
                double questionIdf = 0;
                for (int id : question) {
                    questionIdf += vocabulary.idf(id);
                }
                // A thread's first turn has no context: its thread is its question, and one
                // array serves both. Immutable product sets: most are empty or hold one name,
                // and a HashSet of one name costs ten times the name.
                int[] thread = t.thread().size() == t.question().size() ? question : vocabulary.sortedIds(t.thread());
                entries.add(new KnowledgeIndex.Entry(t.item(), t.turnIndex(), question, thread,
                        vocabulary.sortedIds(t.all()), questionIdf, t.group(), Set.copyOf(t.products()), t.asks()));
            }
            Bm25Postings postings;
            if (counting) {
                int[][][] tokens = new int[3][analysed.size()][];
                for (int doc = 0; doc < analysed.size(); doc++) {
                    AnalysedTurn turn = analysed.get(doc).tokens();
                    tokens[0][doc] = ids(vocabulary, turn.question());
                    tokens[1][doc] = ids(vocabulary, turn.context());
                    tokens[2][doc] = ids(vocabulary, turn.answer());
                }
                postings = Bm25Postings.count(tokens, FIELD_BOOSTS, vocabulary.size());
            } else {
                try (DirectoryReader lucene = DirectoryReader.open(directory)) {
                    postings = Bm25Postings.load(lucene, List.of(QUESTION, CONTEXT, ANSWER), FIELD_BOOSTS, vocabulary::id,
                            vocabulary.size());
                }
            }
            return assemble(entries, vocabulary, postings, analyzer, products, confidence);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
    }

    /** Each token's term number, in order (every token is a term of the vocabulary). */
    private static int[] ids(Vocabulary vocabulary, List<String> tokens) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(tokens.get(i));
        }
        return ids;
    }

    /**
     * Whether Lucene's whitespace tokenizer, given this turn's terms joined by spaces, gives back
     * exactly those terms: none empty, none holding white space, none near its longest token (255).
     */
    static boolean wholeTokens(AnalysedTurn turn) {
        return wholeTokens(turn.question()) && wholeTokens(turn.context()) && wholeTokens(turn.answer());
    }

    private static boolean wholeTokens(List<String> terms) {
        for (String term : terms) {
            if (term.isEmpty() || term.length() > MAX_WHOLE_TOKEN) {
                return false;
            }
            for (int i = 0; i < term.length(); ) {
                int c = term.codePointAt(i);
                if (Character.isWhitespace(c)) {
                    return false;
                }
                i += Character.charCount(c);
            }
        }
        return true;
    }

    /** The query side from its finished parts, built here or decoded from an {@link IndexSnapshot}. */
    static KnowledgeIndex assemble(List<KnowledgeIndex.Entry> entries, Vocabulary vocabulary, Bm25Postings postings,
                                   MixedTextAnalyzer analyzer, Products products, Confidence confidence) {
        QuestionReader reader = new QuestionReader(analyzer, vocabulary, BuiltInGlossary.GLOSSARY, products);
        return new KnowledgeIndex(List.copyOf(entries), vocabulary, postings, reader, confidence);
    }

    /**
     * The glossary as {@link #analyzer()} analyses it, loaded once: it depends on nothing a build
     * is given, and loading it was a tenth of each of the desk's small builds.
     */
    private static final class BuiltInGlossary {
        static final Glossary GLOSSARY = Glossary.load(analyzer());
    }

    static List<AnalysedTurn> analyse(KnowledgeItem item, MixedTextAnalyzer analyzer) {
        List<AnalysedTurn> turns = new ArrayList<>(item.turns().size());
        MixedTextAnalyzer.Terms opening = null;
        for (int t = 0; t < item.turns().size(); t++) {
            Turn turn = item.turns().get(t);
            if (t > 0 && ChatNoise.isAcknowledgement(ChatNoise.normalize(turn.question()))) {
                // "好的，我试试" and its reply are part of the thread, not a question anyone asks
                continue;
            }
            MixedTextAnalyzer.Terms question = analyzer.terms(turn.question());
            MixedTextAnalyzer.Terms answer = analyzer.terms(turn.answer());
            if (t == 0) {
                opening = question;
            }
            Set<String> wholeWords = new LinkedHashSet<>(question.wholeWords());
            wholeWords.addAll(opening.wholeWords());
            wholeWords.addAll(answer.wholeWords());
            String asked = ChatNoise.normalize(turn.question() + "\n" + item.turns().get(0).question());
            turns.add(new AnalysedTurn(item, t, question.all(), t == 0 ? List.of() : opening.all(), answer.all(),
                    wholeWords, KnowledgeIndex.copyKey(turn.question()), Asks.of(asked)));
        }
        return turns;
    }

    /** Where a build takes analyses from instead of analysing again; an item's analysis depends on the item alone. */
    @FunctionalInterface
    interface Analyses {
        /** The analysis of {@code item}: a kept one, else {@code analyse}'s. Called from several threads at once. */
        List<AnalysedTurn> analysed(KnowledgeItem item, java.util.function.Function<KnowledgeItem, List<AnalysedTurn>> analyse);
    }

    /**
     * A turn's tokens: its question, its thread's opening question (for follow-ups) and its
     * answer, and the whole words of all three, which are what name a product: "gRPC" splits
     * into "g" and "rpc" but is not SOFARPC.
     */
    record AnalysedTurn(KnowledgeItem item, int turnIndex, List<String> question, List<String> context,
                        List<String> answer, Set<String> wholeWords, String copyKey, int asks) {
    }

    /** A turn's terms while the vocabulary is still being counted. */
    private record TurnTerms(KnowledgeItem item, int turnIndex, Set<String> question, Set<String> thread,
                             Set<String> all, int group, Set<String> products, int asks, AnalysedTurn tokens) {
    }
}
