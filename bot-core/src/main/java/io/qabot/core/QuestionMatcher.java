package io.qabot.core;

import io.qabot.knowledge.Match;

/**
 * The pipeline's view of the knowledge: {@code KnowledgeIndex::match} satisfies it. A port
 * rather than the index itself so a reload can swap the index behind it, and so tests can
 * decide the answer without depending on the matcher's quality.
 *
 * <p>Called on the bot's executor, never on an I/O thread; must not throw for any text.
 */
@FunctionalInterface
public interface QuestionMatcher {
    Match match(String question);
}
