/**
 * Test support shared through bot-core's test jar: {@link io.qabot.core.EscalationQueue} in
 * memory, with the store's rule for "the same question" ({@link io.qabot.core.desk.SameQuestion}).
 * The running bot's queue is the store's ({@code io.qabot.store}).
 */
package io.qabot.core.escalation;
