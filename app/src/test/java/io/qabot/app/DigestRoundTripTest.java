package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.core.Asker;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Origin;
import io.qabot.knowledge.ingest.KnowledgeReader;
import io.qabot.store.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qabot digest} writes what maintainers answered as a weekly Q&A section that the digest reader reads back unchanged. */
class DigestRoundTripTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path out;

    @Test
    void theDigestOfAnsweredQuestionsReadsBackAsTheSameQuestionsAnswersAndLinks() throws Exception {
        answerAt("2026-11-10T08:00:00Z", "seata 支持 oracle 吗？", new MaintainerAnswer("支持。", List.of(), "old"));
        answerAt("2026-11-20T09:30:00Z", "SOFAJRaft 支持跨机房部署吗？", new MaintainerAnswer(
                "跨机房不需要特殊支持，只是网络延时大一点而已。\n\n如果在意延时，可以把 leader transfer 到就近的机房。",
                List.of("https://github.com/sofastack/sofa-jraft"), "alice"));
        answerAt("2026-11-21T10:00:00Z", "How do I set the sofa-rpc timeout?", new MaintainerAnswer(
                "Set `timeout` on @SofaReference, in milliseconds; the default is 3000.",
                List.of("https://github.com/sofastack/sofa-rpc", "https://www.sofastack.tech/projects/sofa-rpc/configuration/"),
                "bob"));
        answerAt("2026-11-21T11:00:00Z", "MOSN 能和 Istio 一起用吗", new MaintainerAnswer(
                "可以，MOSN 可作为 Istio 的数据面。", List.of(), "carol"));
        List<LearnedAnswer> expected;
        try (Store store = Store.open(dataDir, Optional.empty(), Clock.systemUTC())) {
            expected = store.learned().answeredSince(Instant.parse("2026-11-20T00:00:00Z"));
        }
        Path digest = out.resolve("sofa-weekly-20261127.md");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = Main.run(List.of("digest", "--since", "2026-11-20", "--out", digest.toString()),
                Map.of("QABOT_DATA_DIR", dataDir.toString(), "QABOT_ESCALATION_TIME_ZONE", "UTC"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        String markdown = Files.readString(digest);
        assertTrue(markdown.startsWith(WeeklyDigestWriter.HEADING), markdown);
        Corpus read = new KnowledgeReader().read(List.of(digest));
        assertEquals(List.of(), read.problems(), markdown);
        assertEquals(3, expected.size());
        assertEquals(expected.size(), read.items().size(), markdown);
        for (int i = 0; i < expected.size(); i++) {
            LearnedAnswer learned = expected.get(i);
            KnowledgeItem item = read.items().get(i);
            assertEquals(Origin.DIGEST, item.origin());
            assertEquals(1, item.turns().size());
            assertEquals(learned.question(), item.turns().get(0).question());
            assertEquals(learned.answer(), item.turns().get(0).answer());
            assertEquals(learned.links(), item.links());
        }
    }

    @Test
    void aMissingSinceIsBadUsage() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Main.run(List.of("digest"), Map.of("QABOT_DATA_DIR", dataDir.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("--since"));
    }

    private void answerAt(String instant, String question, MaintainerAnswer answer) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        try (Store store = Store.open(dataDir, Optional.empty(), clock)) {
            long id = store.escalations().enqueue(question,
                    new Asker(Platform.WEBHOOK, "group-42", null, new Sender("u1", "Ann"), "m-" + instant, clock.instant()));
            store.escalations().answer(id, answer).orElseThrow();
        }
    }
}
