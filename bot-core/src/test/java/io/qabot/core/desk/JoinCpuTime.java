package io.qabot.core.desk;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark, not a test: the CPU the desk's join costs per escalation over N open questions,
 * this code's {@link SameQuestion} against a baseline's (another build's classes, e.g. main's,
 * loaded in their own class loader), alternating question by question in one process. Each
 * step asks one question (the development set's, then the corpus's, cycled) over the open
 * window; a question neither joins opens an escalation (the oldest closes beyond N), as the
 * store does. CPU is that of every Java thread (a new question is analysed on the common pool).
 *
 * <p>Args: shared folder, the baseline's class path (its knowledge and bot-core classes and
 * their libraries), open questions, steps (the first quarter warms up).
 */
public final class JoinCpuTime {
    private static final Pattern QUERY = Pattern.compile("\"query\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        String[] baselinePath = args[1].split(":");
        int open = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (KnowledgeItem item : new KnowledgeReader().read(List.of(shared.resolve("corpus/sofa-weekly"),
                shared.resolve("corpus/faq"))).items()) {
            item.turns().stream().map(Turn::question).map(String::strip).forEach(distinct::add);
        }
        List<String> corpus = new ArrayList<>(distinct);
        List<String> asked = new ArrayList<>();
        Matcher m = QUERY.matcher(Files.readString(shared.resolve("eval/dev.jsonl")));
        while (m.find()) {
            asked.add(m.group(1).replace("\\\"", "\""));
        }
        asked.addAll(corpus.subList(open % corpus.size(), corpus.size()));

        URL[] urls = new URL[baselinePath.length];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(baselinePath[i]).toUri().toURL();
        }
        Join baseline = new Join(new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()));
        Join current = new Join(JoinCpuTime.class.getClassLoader());
        Deque<long[]> ids = new ArrayDeque<>();
        Deque<String> questions = new ArrayDeque<>();
        long nextId = 1;
        for (int i = 0; i < open; i++) {
            ids.addFirst(new long[] {nextId++});
            questions.addFirst(corpus.get(i % corpus.size()));
        }
        int measured = steps - steps / 4;
        long[][] cpu = new long[2][measured];
        int joined = 0;
        int differ = 0;
        boolean[] afterEscalation = new boolean[measured];
        boolean changed = true;
        for (int step = 0; step < steps; step++) {
            if (step >= steps / 4) {
                afterEscalation[step - steps / 4] = changed; // the window moved: this question needs a new index
            }
            String question = asked.get(step % asked.size());
            List<long[]> idList = List.copyOf(ids);
            List<String> questionList = List.copyOf(questions);
            OptionalLong now = OptionalLong.empty();
            OptionalLong before = OptionalLong.empty();
            for (int w = 0; w < 2; w++) {
                boolean base = (step + w) % 2 == 0; // alternate which goes first
                Join join = base ? baseline : current;
                Object openList = join.open(idList, questionList); // outside the timing, as the store's query is
                long c0 = cpu();
                OptionalLong found = join.find(question, openList);
                long c1 = cpu();
                if (base) {
                    before = found;
                } else {
                    now = found;
                }
                if (step >= steps / 4) {
                    cpu[base ? 0 : 1][step - steps / 4] = c1 - c0;
                }
            }
            differ += before.equals(now) ? 0 : 1;
            changed = now.isEmpty();
            if (now.isPresent()) {
                joined++;
            } else {
                ids.addFirst(new long[] {nextId++});
                questions.addFirst(question);
                if (ids.size() > open) {
                    ids.removeLast();
                    questions.removeLast();
                }
            }
        }
        report("baseline", open, cpu[0]);
        report("this code", open, cpu[1]);
        long[][] escalated = new long[2][];
        for (int w = 0; w < 2; w++) {
            int k = w;
            escalated[w] = java.util.stream.IntStream.range(0, measured).filter(i -> afterEscalation[i])
                    .mapToLong(i -> cpu[k][i]).toArray();
        }
        report("baseline, after an escalation", open, escalated[0]);
        report("this code, after an escalation", open, escalated[1]);
        System.out.printf(Locale.ROOT, "JOINCPU open %d, after an escalation: this code / baseline, mean %.3f, p50 %.3f%n",
                open, mean(escalated[1]) / mean(escalated[0]), (double) pct(escalated[1], 50) / pct(escalated[0], 50));
        System.out.printf(Locale.ROOT, "JOINCPU open %d: this code / baseline, mean %.3f, p50 %.3f; %d of %d joined,"
                        + " %d decided otherwise than the baseline%n", open, mean(cpu[1]) / mean(cpu[0]),
                (double) pct(cpu[1], 50) / pct(cpu[0], 50), joined, steps, differ);
    }

    /** One build's SameQuestion, called through reflection so that two builds live side by side. */
    private static final class Join {
        private final Object same;
        private final Method find;
        private final Constructor<?> openRecord;

        Join(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> type = Class.forName("io.qabot.core.desk.SameQuestion", true, loader);
            same = type.getConstructor().newInstance();
            find = type.getMethod("find", String.class, List.class);
            openRecord = Class.forName("io.qabot.core.desk.SameQuestion$Open", true, loader)
                    .getConstructor(long.class, String.class);
        }

        Object open(List<long[]> ids, List<String> questions) throws ReflectiveOperationException {
            List<Object> open = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                open.add(openRecord.newInstance(ids.get(i)[0], questions.get(i)));
            }
            return List.copyOf(open);
        }

        OptionalLong find(String question, Object open) throws ReflectiveOperationException {
            return (OptionalLong) find.invoke(same, question, open);
        }
    }

    private static long cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }

    private static long pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static void report(String what, int open, long[] nanos) {
        System.out.printf(Locale.ROOT, "JOINCPU %-30s open %4d: CPU per question mean %7.2f ms, p50 %7.2f ms, p90 %7.2f ms (n=%d)%n",
                what, open, mean(nanos) / 1e6, pct(nanos, 50) / 1e6, pct(nanos, 90) / 1e6, nanos.length);
    }
}
