package io.qabot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A chat message as the matcher sees it: its concepts, the term numbers of every way to say
 * them, the names it uses (each as the numbers of the known terms that name it as a whole:
 * empty when the knowledge never uses the name itself), whether it uses such an unknown name,
 * and the products it names.
 */
record Question(List<String> terms, List<Concept> concepts, double totalIdf, int[] expandedIds,
                List<int[]> names, boolean namesSomethingUnknown, Set<String> products) {
}
