package io.qabot.knowledge;

/**
 * Something in the knowledge that could not be read as Q&amp;A: a question without an answer,
 * a section in an unknown shape, a file that is not text. Reported, never dropped silently.
 *
 * @param line 1-based; 0 when the problem concerns the whole file
 */
public record Problem(String file, int line, String reason) {
}
