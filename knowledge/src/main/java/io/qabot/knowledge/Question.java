package io.qabot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A chat message as the matcher sees it: its concepts, the term numbers of every way to say
 * them, the names it uses (each as the numbers of its known terms) and the products it names.
 */
record Question(List<String> terms, List<Concept> concepts, double totalIdf, int[] expandedIds,
                List<int[]> names, Set<String> products) {
}
