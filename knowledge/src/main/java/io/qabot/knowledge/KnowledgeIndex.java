package io.qabot.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable, thread-safe search index over knowledge items: the query side.
 * {@link IndexBuilder} makes one per knowledge snapshot (or {@link IndexSnapshot} decodes the
 * one a previous start made); swap the reference to reload.
 *
 * <p>Every turn of every item is one document. BM25 as Lucene scores it finds candidates,
 * over the index's postings loaded into arrays ({@link Bm25Postings} says why);
 * {@link Confidence}
 * then judges the best one on length-independent features, because raw BM25 scores grow
 * with the length of the question and thresholds on them do not transfer.
 */
public final class KnowledgeIndex {
    /** A glossary alternative counts a little less than the asker's own word. */
    private static final float ALTERNATIVE_BOOST = 0.8f;
    /** The ranker's field; a margin is worth its fitted weight only over a full one ({@link Features#FULL_FIELD}). */
    private static final int CANDIDATES = Features.FULL_FIELD;
    private static final int MAX_QUESTION_CHARS = 4_000;
    /** More than this share of a question's information in unknown words, and it is not answered. */
    static final double MOSTLY_UNSEEN = 0.5;
    /**
     * Less information than this beyond product names ({@link Question#informativeIdf}), as a
     * share of a word the knowledge never uses, and it is not answered: it takes one word that
     * is not among the commonest of the knowledge ("seata 支持吗" says too little, "how do I run
     * qabot" in qabot's own three-entry FAQ enough). A share, because idf grows with the size
     * of the knowledge.
     */
    static final double MIN_INFORMATION = 0.4;
    /**
     * Fewer words than this beyond product names, and it is not answered unless it restates a
     * thread's question: a count, because it must not shrink with the knowledge. In a FAQ of a
     * few entries every word is rare, so one everyday word ("支持吗？", "why does this
     * happen?", "有什么区别？") passes {@link #MIN_INFORMATION} and, with no runner-up, the
     * margins say "certain"; one word is one piece of evidence however rare the knowledge makes it.
     * "how do I run qabot" (one word beyond the name) is answered because it restates "How do I
     * run qabot?".
     */
    static final int MIN_WORDS = 2;
    /**
     * The highest score a candidate ruled out by a rule is reported with: on the development
     * lines a rule stopped, the best candidate was right 4 times in 74.
     */
    static final double VETOED_SCORE = 0.05;
    private static final java.util.regex.Pattern COPY_NOISE = java.util.regex.Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private final List<Entry> entries;
    private final Vocabulary vocabulary;
    private final Bm25Postings postings;
    private final QuestionReader reader;
    private final Confidence confidence;
    /** Other questions a best candidate competes with: the copy groups less its own ({@link Features#fieldShare}). */
    private final int competitors;

    /** Made by {@link IndexBuilder}. */
    KnowledgeIndex(List<Entry> entries, Vocabulary vocabulary, Bm25Postings postings, QuestionReader reader,
                   Confidence confidence) {
        this(entries, vocabulary, postings, reader, confidence, copyGroups(entries) - 1);
    }

    private KnowledgeIndex(List<Entry> entries, Vocabulary vocabulary, Bm25Postings postings, QuestionReader reader,
                           Confidence confidence, int competitors) {
        this.entries = entries;
        this.vocabulary = vocabulary;
        this.postings = postings;
        this.reader = reader;
        this.confidence = confidence;
        this.competitors = competitors;
    }

    /**
     * The number of different questions (copy groups) among the turns. Sorted, not hashed: at 100k
     * turns a stream's distinct() cost 21-27 ms of CPU at start-up, this 4-16 ms.
     */
    private static int copyGroups(List<Entry> entries) {
        int[] groups = new int[entries.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = entries.get(i).group();
        }
        java.util.Arrays.sort(groups);
        int distinct = groups.length == 0 ? 0 : 1;
        for (int i = 1; i < groups.length; i++) {
            if (groups[i] != groups[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    public static KnowledgeIndex build(Collection<KnowledgeItem> items) {
        return build(items, Confidence.FITTED);
    }

    /** As {@link #build(Collection)}, answering with {@code confidence} (the one place the default is chosen is above). */
    static KnowledgeIndex build(Collection<KnowledgeItem> items, Confidence confidence) {
        return IndexBuilder.build(items, null, confidence);
    }

    /**
     * Loads what every build and every question needs first, the Chinese segmenter's
     * dictionaries, so that a caller can do it on another thread while it does something else
     * (serve opens its store meanwhile). Safe to call any number of times, from any thread.
     */
    public static void prepare() {
        IndexBuilder.prepare();
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
        return decide(question).match();
    }

    /**
     * Matches a message and says why: the features of the best candidate, what each adds to
     * the confidence, the runner-up from another thread, and the rule or threshold that decided.
     */
    public Explanation explain(String question) {
        Decided d = decide(question);
        Candidate runnerUp = d.runnerUp() == null ? null
                : new Candidate(d.runnerUp().entry().item(), d.runnerUp().entry().turnIndex(), d.runnerUp().rankScore());
        java.util.Map<String, Double> features = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> contributions = new java.util.LinkedHashMap<>();
        if (d.features() != null) {
            double[] x = d.features().vector();
            double[] c = confidence.contributions(d.features());
            for (int i = 0; i < x.length; i++) {
                features.put(Features.NAMES.get(i), x[i]);
                contributions.put(Features.NAMES.get(i), c[i]);
            }
        }
        return new Explanation(d.match(), d.modelConfidence(), confidence.answerThreshold(), confidence.bias(),
                features, contributions, runnerUp, d.rule());
    }

    /**
     * The same index answering at another confidence threshold (a deployment's
     * {@code matching.minConfidence}); everything built is shared.
     */
    public KnowledgeIndex withMinConfidence(double threshold) {
        return new KnowledgeIndex(entries, vocabulary, postings, reader, confidence.withThreshold(threshold), competitors);
    }

    /** The confidence at or above which this index answers. */
    public double minConfidence() {
        return confidence.answerThreshold();
    }

    /**
     * One decision with what it was based on: the model's confidence in the best candidate
     * before any rule, the features, the runner-up and the rule that vetoed an answer (null
     * when the threshold decided).
     */
    record Decided(Match match, double modelConfidence, Features features, Scored best, Scored runnerUp,
                   String rule) {
    }

    Decided decide(String question) {
        String text = ChatNoise.normalize(question.length() > MAX_QUESTION_CHARS
                ? question.substring(0, MAX_QUESTION_CHARS) : question);
        if (ChatNoise.isChatter(text)) {
            return nothing(question, Decision.IGNORE, Rule.CHATTER);
        }
        if (ChatNoise.isAcknowledgement(text)) {
            return nothing(question, Decision.IGNORE, Rule.ACKNOWLEDGEMENT);
        }
        Question asked = reader.read(ChatNoise.stripAddress(PastedText.withoutFrames(text)));
        if (asked.terms().isEmpty()) {
            return nothing(question, Decision.IGNORE, Rule.NO_WORDS);
        }
        List<Scored> ranked = rank(asked);
        if (ranked.isEmpty()) {
            return nothing(question, escalateOrIgnore(text), Rule.NOTHING_FOUND);
        }
        Scored best = ranked.get(0);
        Scored runnerUp = runnerUp(ranked);
        Features features = Features.of(best, runnerUp, asked, vocabulary.idf(-1), competitors);
        double p = confidence.probability(features);
        List<Candidate> candidates = ranked.stream().limit(5)
                .map(s -> new Candidate(s.entry().item(), s.entry().turnIndex(), s.rankScore())).toList();
        String rule = veto(text, asked, best);
        boolean answer = rule == null && (p >= confidence.answerThreshold() || repeatsTheQuestion(text, best));
        Decision decision = answer ? Decision.ANSWER : escalateOrIgnore(text);
        // a vetoed candidate is not the answer, whatever its words share with the question: the
        // score says so instead of repeating the model's belief in a candidate ruled out
        double score = rule == null ? p : Math.min(p, VETOED_SCORE);
        return new Decided(new Match(question, decision, score, candidates), p, features, best, runnerUp, rule);
    }

    /**
     * The rules that rule an answer out whatever the confidence, or null. An answer about
     * another product than the one asked about, or to a question about a technology the
     * knowledge never mentions, is wrong however close the other words are; so is one to a
     * question most of whose information lies in words the knowledge never uses. A small
     * knowledge base (a project's first FAQ) needs that last guard: there one shared word
     * ("run") leaves no runner-up, so the margins say "certain". A message that asks nothing
     * (no question word, no problem reported), only pastes a log, a stack trace or code, or
     * says too little beyond a product's name is not a question a digest answered.
     */
    private String veto(String text, Question asked, Scored best) {
        if (PastedText.onlyPasted(text)) {
            return Rule.ONLY_PASTED;
        }
        if (!ChatNoise.looksLikeQuestion(text)) {
            return Rule.NOT_A_QUESTION;
        }
        // "What is qabot?" says nothing beyond a name, but a thread that asks exactly that answers it
        boolean restatesTheThreadsQuestion = best.questionCoverage() >= 1 - 1e-9 && best.reverseCoverage() >= 1 - 1e-9;
        if ((asked.informativeIdf() < MIN_INFORMATION * vocabulary.idf(-1) || asked.wordsBeyondProducts() < MIN_WORDS)
                && !restatesTheThreadsQuestion) {
            return Rule.TOO_LITTLE_SAID;
        }
        if (best.otherProduct()) {
            return Rule.OTHER_PRODUCT;
        }
        if (asked.namesSomethingUnknown()) {
            return Rule.UNKNOWN_NAME;
        }
        if (best.unseenShare() > MOSTLY_UNSEEN) {
            return Rule.MOSTLY_UNSEEN_WORDS;
        }
        return null;
    }

    /**
     * True when the message is, word for word (politeness, punctuation and spacing aside), the
     * best turn's own question: the question that turn's answer was written for. In a small
     * knowledge base ("What is qabot?" in the sample FAQ, every entry of which names qabot)
     * the margins and the information say nothing tells it apart, and the model, fitted on a
     * large corpus where such a question is a near miss, stays under the threshold. The veto's
     * rules still apply before this.
     */
    private static boolean repeatsTheQuestion(String text, Scored best) {
        return copyKey(text).equals(copyKey(best.entry().item().turns().get(best.entry().turnIndex()).question()));
    }

    /** The rules' wording, as {@code ask --explain} prints it. */
    static final class Rule {
        static final String CHATTER = "chatter: nothing but greetings, thanks or emoji";
        static final String ACKNOWLEDGEMENT = "a remark on a thread (thanks, agreement, solved), not a question";
        static final String NO_WORDS = "no words the matcher can use";
        static final String NOTHING_FOUND = "no knowledge item shares a word with it";
        static final String ONLY_PASTED = "only pasted text (log, stack trace, code), nothing asked";
        static final String NOT_A_QUESTION = "asks nothing: no question word and no problem reported";
        static final String TOO_LITTLE_SAID = "says too little beyond product names to be answered";
        static final String OTHER_PRODUCT = "the best candidate is about another product than the one asked about";
        static final String UNKNOWN_NAME = "names a technology the knowledge never mentions";
        static final String MOSTLY_UNSEEN_WORDS = "most of its information is in words the knowledge never uses";
        /** The one rule that answers: {@link #repeatsTheQuestion}. */
        static final String REPEAT = "repeats the best candidate's own question word for word";

        private Rule() {
        }
    }

    private static Decided nothing(String question, Decision decision, String rule) {
        return new Decided(new Match(question, decision, 0, List.of()), 0, null, null, null, rule);
    }

    /** Explains the features behind a match; for evaluation. */
    Features features(String question) {
        return decide(question).features();
    }

    Vocabulary vocabularyForTools() {
        return vocabulary;
    }

    /** What {@link IndexImage} stores. */
    List<Entry> entriesForSnapshot() {
        return entries;
    }

    Bm25Postings postingsForSnapshot() {
        return postings;
    }

    List<Scored> debugRank(String question) {
        return rank(read(question));
    }

    Question read(String question) {
        return reader.read(ChatNoise.stripAddress(ChatNoise.normalize(question)));
    }

    List<String> terms(String question) {
        return reader.terms(ChatNoise.stripAddress(ChatNoise.normalize(question)));
    }

    /** The terms of a question that no knowledge item uses. */
    public List<String> unseenTerms(String question) {
        return terms(question).stream().filter(t -> !vocabulary.known(t)).toList();
    }

    Features features(List<Scored> ranked, Question asked) {
        return Features.of(ranked.get(0), runnerUp(ranked), asked, vocabulary.idf(-1), competitors);
    }

    private static Scored runnerUp(List<Scored> ranked) {
        Scored best = ranked.get(0);
        return ranked.stream().skip(1).filter(s -> s.entry().group() != best.entry().group()).findFirst().orElse(null);
    }

    private static Decision escalateOrIgnore(String text) {
        return ChatNoise.looksLikeQuestion(text) || text.strip().length() >= 12 ? Decision.ESCALATE : Decision.IGNORE;
    }

    private List<Scored> rank(Question asked) {
        // the asker's own terms, then the glossary's other ways to say them, each once
        Set<String> clauses = new LinkedHashSet<>(asked.terms());
        for (Concept concept : asked.concepts()) {
            for (int[] alternative : concept.alternatives()) {
                for (int id : alternative) {
                    clauses.add(vocabulary.term(id));
                }
            }
        }
        int[] ids = new int[clauses.size()];
        float[] boosts = new float[clauses.size()];
        int own = asked.terms().size();
        int n = 0;
        for (String term : clauses) {
            ids[n] = vocabulary.id(term); // -1 when no document has it: it adds nothing
            boosts[n] = n < own ? 1f : ALTERNATIVE_BOOST;
            n++;
        }
        Bm25Postings.Hits top = postings.top(ids, boosts, CANDIDATES);
        List<Scored> scored = new ArrayList<>(top.size());
        TermSet expanded = new TermSet(asked.expandedIds(), vocabulary.size());
        for (int i = 0; i < top.size(); i++) {
            scored.add(Scored.of(entries.get(top.docs()[i]), top.scores()[i], asked, expanded, vocabulary));
        }
        double bestBm25 = scored.stream().mapToDouble(Scored::bm25).max().orElse(1);
        List<Scored> ranked = new ArrayList<>(scored.size());
        scored.forEach(s -> ranked.add(s.ranked(bestBm25)));
        ranked.sort(Comparator.comparingDouble(Scored::rankScore).reversed());
        return preferBestCopy(ranked);
    }

    /** Copies of one question differ in politeness, punctuation and spacing only. */
    static String copyKey(String question) {
        return COPY_NOISE.matcher(ChatNoise.stripAddress(ChatNoise.normalize(question))).replaceAll("")
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

    /**
     * One indexed turn: the term numbers (sorted) of its own question, of its thread (its
     * question and the thread's opening question) and of everything including the answer.
     */
    record Entry(KnowledgeItem item, int turnIndex, int[] question, int[] thread, int[] all, double questionIdf,
                 int group, Set<String> products, int asks) {
    }
}
