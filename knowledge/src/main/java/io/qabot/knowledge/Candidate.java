package io.qabot.knowledge;

/**
 * One ranked candidate answer: a turn of a knowledge item and how well the question
 * matched it. {@code score} is the retrieval score, only comparable within one match.
 */
public record Candidate(KnowledgeItem item, int turnIndex, double score) {
    public Turn turn() {
        return item.turns().get(turnIndex);
    }
}
