package io.qabot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chat message into a {@link Question}: its terms (at most
 * {@value #MAX_QUERY_TERMS}, the rarest kept), each term's other names from the glossary,
 * the names of things it mentions and the products it names.
 */
final class QuestionReader {
    private static final int MAX_QUERY_TERMS = 48;
    /** A word that may name a technology: letters and digits, not part of a dotted or dashed identifier. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.\\-/])[A-Za-z][A-Za-z0-9]{2,}(?![\\w.\\-/])");

    private final MixedTextAnalyzer analyzer;
    private final Vocabulary vocabulary;
    private final Glossary glossary;
    private final Products products;

    QuestionReader(MixedTextAnalyzer analyzer, Vocabulary vocabulary, Glossary glossary, Products products) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        this.glossary = glossary;
        this.products = products;
    }

    /** @param text the message, normalised and without greetings */
    Question read(String text) {
        List<String> terms = terms(text);
        List<Concept> concepts = new ArrayList<>(terms.size());
        Set<String> expanded = new LinkedHashSet<>(terms);
        double totalIdf = 0;
        double informativeIdf = 0;
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        List<int[]> names = new ArrayList<>();
        Set<String> nameTerms = new java.util.HashSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            boolean looksLikeName = name.chars().skip(1).anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                    || Character.isUpperCase(name.charAt(0)) && name.length() >= 4;
            List<String> parts = analyzer.wholeWordTokens(name);
            if (looksLikeName && !parts.isEmpty()) {
                // only the whole word names the thing: "TiDB" is neither "DB2" nor "Ti", so a
                // question about TiDB names something unknown even though "db" is a known term
                names.add(vocabulary.sortedIds(parts));
                nameTerms.addAll(parts);
            }
        }
        for (String term : terms) {
            List<int[]> alternatives = new ArrayList<>();
            // a concept tells as much as its commonest name: "database" is rare in a Chinese
            // corpus, but 数据库 is not
            double idf = vocabulary.idf(term);
            for (List<String> alternative : glossary.alternativesOf(term)) {
                if (alternative.stream().allMatch(vocabulary::known)) {
                    alternatives.add(vocabulary.sortedIds(alternative));
                    idf = Math.min(idf, alternative.stream().mapToDouble(vocabulary::idf).average().orElse(idf));
                    expanded.addAll(alternative);
                }
            }
            boolean productName = products.isName(term);
            Concept concept = new Concept(term, vocabulary.id(term), alternatives.toArray(int[][]::new), idf, productName);
            if (!chinese && concept.latin() && concept.unseen() && !nameTerms.contains(term)) {
                // the digests write English only for technical terms, so in an English question a
                // word they never use that is not a name is the asker's everyday English ("need",
                // "particular", "anything"), not a technology the thread lacks
                concept = concept.asEveryday();
            }
            concepts.add(concept);
            totalIdf += idf;
            if (!productName) {
                informativeIdf += idf;
            }
        }
        return new Question(terms, concepts, totalIdf, vocabulary.sortedIds(expanded), names,
                products.namedIn(terms), informativeIdf, Asks.of(text), chinese);
    }

    /** The distinct terms of a text, at most {@value #MAX_QUERY_TERMS}, keeping the rarest. */
    List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>(analyzer.tokens(text));
        if (terms.size() <= MAX_QUERY_TERMS) {
            return List.copyOf(terms);
        }
        // each idf looked up once, not twice per comparison; the sort is stable, so terms
        // of equal idf keep the order they were asked in
        List<Map.Entry<String, Double>> byIdf = new ArrayList<>(terms.size());
        for (String term : terms) {
            byIdf.add(Map.entry(term, vocabulary.idf(term)));
        }
        byIdf.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return byIdf.stream().limit(MAX_QUERY_TERMS).map(Map.Entry::getKey).toList();
    }
}
