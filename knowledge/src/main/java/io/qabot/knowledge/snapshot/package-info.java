/**
 * Knowledge snapshots for reloading without a restart. A {@link io.qabot.knowledge.snapshot.KnowledgeSnapshot}
 * is the set of items one reload produced, keyed by their stable ids, so two snapshots compared
 * item by item tell what a reload changed (added, changed, removed, unchanged)
 * and an unchanged reload can keep the index it has. Building a snapshot also settles repeated
 * questions: when the same question was answered twice with different answers, the newer answer
 * stays and the older one is listed as superseded.
 *
 * <p>Snapshots are immutable values; the index built from one is swapped in whole by the app.
 */
package io.qabot.knowledge.snapshot;
