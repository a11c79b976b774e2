package io.qabot.admin;

import io.qabot.connectors.http.RouteResponse;
import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.ListedEscalation;
import io.qabot.core.desk.MaintainerDesk;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A benchmark, not a test: the response of {@code GET /api/v1/escalations?status=all} as the soak
 * leaves it (500 escalations with 500 askers each), its size in bytes and the CPU its JSON costs
 * the caller's thread, before (every asker of each) and now (each one's asker count and first
 * {@link MaintainerDesk#ASKERS_LISTED} askers), in the same run. The store's share is DeskCost's.
 *
 * <p>Args: escalations (500), askers each (500), repetitions (20).
 */
public final class QueueJsonCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int escalations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int askers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Escalation> full = new ArrayList<>();
        List<ListedEscalation> listed = new ArrayList<>();
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        for (int e = 0; e < escalations; e++) {
            List<Asker> all = new ArrayList<>();
            for (int a = 0; a < askers; a++) {
                all.add(new Asker(Platform.WEBHOOK, "chat-" + (a % 500), null, new Sender("user-" + a, "User " + a),
                        "m-" + e + "-" + a, start.plusSeconds(a)));
            }
            Escalation escalation = new Escalation(e + 1, e % 10 == 0 ? Escalation.Status.OPEN : Escalation.Status.DISMISSED,
                    "unknown question " + e + " 这个怎么配置？", all, start.plusSeconds(e), Optional.empty());
            full.add(escalation);
            listed.add(new ListedEscalation(new Escalation(escalation.id(), escalation.status(), escalation.question(),
                    all.subList(0, Math.min(askers, MaintainerDesk.ASKERS_LISTED)), escalation.created(),
                    escalation.answer(), escalation.claimedBy(), escalation.closed()), askers));
        }
        LongSupplier before = () -> RouteResponse.json(200, EscalationJson.items(
                full.stream().map(EscalationJson::escalation).toList())).body().length;
        LongSupplier now = () -> RouteResponse.json(200, EscalationJson.items(
                listed.stream().map(EscalationJson::escalation).toList())).body().length;
        for (int round = 0; round < 3; round++) { // the first round warms up; the last two count
            double beforeMs = cpuMs(reps, before);
            double nowMs = cpuMs(reps, now);
            if (round > 0) {
                System.out.printf(java.util.Locale.ROOT, "QUEUEJSON %d escalations x %d askers: before %,d bytes, cpu %.2f ms"
                                + " | now %,d bytes, cpu %.3f ms | before/now bytes %.0fx, cpu %.0fx%n", escalations, askers,
                        before.getAsLong(), beforeMs, now.getAsLong(), nowMs,
                        (double) before.getAsLong() / now.getAsLong(), beforeMs / nowMs);
            }
        }
    }

    /** The median thread CPU of {@code reps} calls, in milliseconds. */
    private static double cpuMs(int reps, LongSupplier call) {
        long[] cpu = new long[reps];
        long sink = 0;
        for (int i = 0; i < reps; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            sink += call.getAsLong();
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        if (sink < 0) {
            throw new AssertionError();
        }
        Arrays.sort(cpu);
        return cpu[reps / 2] / 1e6;
    }
}
