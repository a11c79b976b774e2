package io.qabot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A chat message as the matcher sees it: its concepts, the term numbers of every way to say
 * them, the names it uses (each as the numbers of the known terms that name it as a whole:
 * empty when the knowledge never uses the name itself), the products it names, how much it
 * says beyond them ({@code informativeIdf}: the information of every concept that is not a
 * product's name), what kind of answer it asks for ({@link Asks}) and whether it is written in
 * Chinese.
 */
record Question(List<String> terms, List<Concept> concepts, double totalIdf, int[] expandedIds,
                List<int[]> names, Set<String> products, double informativeIdf, int asks, boolean chinese) {

    /**
     * True when the question names a technology the knowledge never mentions: a capitalised
     * or versioned word ({@code Kotlin}, {@code PostgreSQL}, {@code ARM64}, {@code Vue3}) that
     * no item uses as a whole word ({@code TiDB}, although "DB2" gives {@code db}). Such a
     * question is about that thing, and no answer here can be about it. Dotted and dashed
     * identifiers are left out: they come from code and error messages, whose rare parts say
     * little about the subject.
     */
    boolean namesSomethingUnknown() {
        return names.stream().anyMatch(known -> known.length == 0);
    }

    /** How many different words it uses beyond product names. */
    int wordsBeyondProducts() {
        return (int) concepts.stream().filter(c -> !c.productName()).map(Concept::term).distinct().count();
    }
}
