package io.qabot.knowledge;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The products the knowledge talks about, learnt from the items' project names. A question
 * that names a product is not answered by a thread about another product however similar
 * the words: "Seata 有 Go 客户端吗" is not answered by "Lookout 客户端支持 go 吗". This is the
 * commonest way a lexical matcher is confidently wrong, so the matcher checks it explicitly.
 */
final class Products {
    /** Bare names shorter than this ("ark", "rpc", "boot") are ordinary words in a question. */
    private static final int MIN_BARE_NAME_IN_QUESTION = 5;

    private final Map<String, String> anyMention;
    private final Map<String, String> questionMention;

    private Products(Map<String, String> anyMention, Map<String, String> questionMention) {
        this.anyMention = anyMention;
        this.questionMention = questionMention;
    }

    static Products learn(Collection<KnowledgeItem> items, List<String> familyPrefixes) {
        Map<String, String> any = new HashMap<>();
        Map<String, String> inQuestion = new HashMap<>();
        for (KnowledgeItem item : items) {
            String full = item.project().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (full.length() < 3) {
                continue;
            }
            String bare = full;
            for (String prefix : familyPrefixes) {
                if (full.startsWith(prefix) && full.length() > prefix.length() + 1) {
                    bare = full.substring(prefix.length());
                }
            }
            any.put(full, bare);
            any.put(bare, bare);
            inQuestion.put(full, bare);
            if (bare.length() >= MIN_BARE_NAME_IN_QUESTION || bare.equals(full)) {
                inQuestion.put(bare, bare);
            }
        }
        return new Products(Map.copyOf(any), Map.copyOf(inQuestion));
    }

    /** True when the term is a product's name in any form: it says which product, not what is asked. */
    boolean isName(String term) {
        return anyMention.containsKey(term);
    }

    /** The products a question names. */
    Set<String> namedIn(Collection<String> questionTerms) {
        Set<String> named = new HashSet<>();
        for (String term : questionTerms) {
            String product = questionMention.get(term);
            if (product != null) {
                named.add(product);
            }
        }
        return named;
    }

    /** The products a turn, its thread and its project mention in any form. */
    Set<String> mentionedIn(Collection<String> terms, String project) {
        Set<String> mentioned = new HashSet<>();
        for (String term : terms) {
            String product = anyMention.get(term);
            if (product != null) {
                mentioned.add(product);
            }
        }
        String full = project.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (anyMention.containsKey(full)) {
            mentioned.add(anyMention.get(full));
        }
        return mentioned;
    }
}
