package io.qabot.knowledge.bench;

import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.ingest.KnowledgeReader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Index build time and the heap the index holds, for the real corpus and for synthetic
 * corpora grown from it (args: the sizes, 0 for the corpus alone; default 0 10000 100000).
 * Run by {@code bench/match-benchmark.sh} and {@code bench/scale/scale.sh}; heap is measured after a
 * full collection with the index reachable, minus the same measurement before building.
 */
public final class IndexScaleReport {
    private IndexScaleReport() {
    }

    public static void main(String[] args) {
        Path shared = Path.of(System.getProperty("qabot.shared", "../shared"));
        long readStart = System.nanoTime();
        List<KnowledgeItem> real = new KnowledgeReader().read(List.of(
                shared.resolve("corpus/sofa-weekly"), shared.resolve("corpus/faq"))).items();
        System.out.printf(Locale.ROOT, "read corpus: %d items in %.0f ms%n", real.size(), (System.nanoTime() - readStart) / 1e6);
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[]{0, 10_000, 100_000};
        for (int size : sizes) {
            List<KnowledgeItem> items = size == 0 ? real : SyntheticKnowledge.grow(real, size, 42);
            long before = usedHeap();
            long start = System.nanoTime();
            KnowledgeIndex index = KnowledgeIndex.build(items);
            double ms = (System.nanoTime() - start) / 1e6;
            long after = usedHeap();
            System.out.printf(Locale.ROOT, "%7d items, %7d turns: built in %8.0f ms, index heap %6.1f MiB%n",
                    index.size(), index.turns(), ms, (after - before) / 1048576.0);
            if (index.match("x").question() == null) {
                throw new AssertionError("unreachable: keeps the index alive until after the measurement");
            }
        }
    }

    private static long usedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
