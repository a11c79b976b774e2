/**
 * The matcher: decides whether a chat message is a question the knowledge already answers.
 *
 * <p>How a match works. {@link io.qabot.knowledge.IndexBuilder} turns every turn of every
 * {@link io.qabot.knowledge.KnowledgeItem} into terms ({@link io.qabot.knowledge.MixedTextAnalyzer}:
 * Chinese words, English words, code identifiers and their parts, product names with and
 * without the community's family prefix) and builds the immutable query side,
 * {@link io.qabot.knowledge.KnowledgeIndex}; {@link io.qabot.knowledge.IndexSnapshot} keeps it in
 * the data folder so a restart decodes it instead. A message is cleaned of chat noise
 * ({@link io.qabot.knowledge.ChatNoise}), read into terms and their glossary alternatives
 * ({@link io.qabot.knowledge.QuestionReader}), and BM25 over the turns' question, thread and
 * answer fields ranks fifty candidates ({@link io.qabot.knowledge.Bm25Postings}). The best one is
 * described by length-independent features (how much of the question it covers, its margin
 * over the runner-up from another thread, unseen words, other products:
 * {@link io.qabot.knowledge.Features}), and a fitted logistic model turns them into a confidence
 * ({@link io.qabot.knowledge.Confidence}). The bot answers only at or above the threshold and when
 * no rule rules the answer out (another product, an unknown technology, nothing asked); otherwise
 * it escalates a question to the maintainers or ignores chatter.
 *
 * <p>What belongs to one community (family prefixes, stop words, the glossary, the site its
 * digests are published on) is in resources beside the classes, not in code.
 */
package io.qabot.knowledge;
