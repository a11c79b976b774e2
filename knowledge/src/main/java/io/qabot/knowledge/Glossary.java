package io.qabot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of terms that mean the same to a developer ({@code glossary.txt}): the English and
 * Chinese names of a concept and common Chinese variants. A question's term is covered by
 * any member of its group, so "distributed database" finds "分布式数据库" and "全局事物" finds
 * "全局事务". Members are analysed with the index's own analysis, so they meet the terms the
 * index holds; a member of several words counts only when all its words are present.
 */
final class Glossary {

    private final Map<String, List<List<String>>> alternatives;

    private Glossary(Map<String, List<List<String>>> alternatives) {
        this.alternatives = alternatives;
    }

    static Glossary load(MixedTextAnalyzer analyzer) {
        try (InputStream in = Glossary.class.getResourceAsStream("glossary.txt")) {
            if (in == null) {
                throw new IllegalStateException("glossary.txt is missing from the knowledge module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Set<List<String>>> alternatives = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.contains("=>")) {
                    String[] sides = line.split("=>", 2);
                    List<String> variant = tokens(analyzer, sides[0]);
                    List<String> word = tokens(analyzer, sides[1]);
                    if (variant.size() == 1 && !word.isEmpty()) {
                        alternatives.computeIfAbsent(variant.get(0), k -> new LinkedHashSet<>()).add(word);
                    }
                    continue;
                }
                List<List<String>> members = new ArrayList<>();
                for (String member : line.split(",")) {
                    List<String> tokens = tokens(analyzer, member);
                    if (!tokens.isEmpty()) {
                        members.add(tokens);
                    }
                }
                for (List<String> member : members) {
                    if (member.size() != 1 || !isLatin(member.get(0))) {
                        continue;
                    }
                    for (List<String> other : members) {
                        if (!other.equals(member)) {
                            alternatives.computeIfAbsent(member.get(0), k -> new LinkedHashSet<>()).add(other);
                        }
                    }
                }
            }
            Map<String, List<List<String>>> frozen = new HashMap<>();
            alternatives.forEach((term, alts) -> frozen.put(term, List.copyOf(alts)));
            return new Glossary(Map.copyOf(frozen));
        } catch (IOException e) {
            throw new UncheckedIOException("reading glossary.txt failed", e);
        }
    }

    private static List<String> tokens(MixedTextAnalyzer analyzer, String text) {
        return List.copyOf(new LinkedHashSet<>(analyzer.tokens(text.strip())));
    }

    private static boolean isLatin(String term) {
        return term.chars().allMatch(c -> c < 0x2E80);
    }

    /** The other ways to say a term, each a list of terms that must all be present. */
    List<List<String>> alternativesOf(String term) {
        return alternatives.getOrDefault(term, List.of());
    }
}
