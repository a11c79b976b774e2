/**
 * Implementations of {@link io.qabot.core.EscalationQueue}. For now an in-memory queue with
 * the full contract; a durable one (embedded database or PostgreSQL) comes later and must
 * pass the same contract test.
 */
package io.qabot.core.escalation;
