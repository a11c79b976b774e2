package io.qabot.knowledge;

import java.util.Objects;

/**
 * One question and the answer given to it. {@code line} is the 1-based line in the source
 * file where the question starts, so problems and answers can point back at it.
 */
public record Turn(String question, String answer, int line) {
    public Turn {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
