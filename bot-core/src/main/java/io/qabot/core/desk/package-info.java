/**
 * The maintainers' loop: what happens after the bot escalates a question it cannot answer.
 *
 * <p>{@link io.qabot.core.desk.MaintainerDesk} is the one code path behind the three ways a
 * maintainer acts (the admin API, a command in the maintainers' chat, the dashboard): claim,
 * answer, dismiss, and edit or retract a learned answer. An answer is recorded in one
 * transaction together with the learned answer, one outbox row per asker and an audit record
 * (that is the storage's promise, see {@link io.qabot.core.desk.EscalationStore}); then
 * {@link io.qabot.core.desk.OutboxWorker} delivers the rows through the askers' connectors
 * with retries and backoff, and {@link io.qabot.core.desk.LearnedKnowledge} re-indexes so the
 * next asker gets the answer from the bot.
 *
 * <p>{@link io.qabot.core.desk.Announcer} tells the maintainers' chat about new and stale
 * escalations and posts a daily summary. Storage is behind three ports
 * ({@link io.qabot.core.desk.EscalationStore}, {@link io.qabot.core.desk.Outbox},
 * {@link io.qabot.core.desk.LearnedAnswers}); the {@code store} module implements them on
 * an embedded database or PostgreSQL.
 */
package io.qabot.core.desk;
