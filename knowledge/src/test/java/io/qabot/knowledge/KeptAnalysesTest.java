package io.qabot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeptAnalysesTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));

    @Test
    void anIndexOverAChangingSetAnswersExactlyAsOneBuiltAfresh() {
        List<KnowledgeItem> corpus = new KnowledgeReader().read(List.of(SHARED.resolve("corpus/sofa-weekly"))).items();
        KeptAnalyses kept = new KeptAnalyses();
        List<String> questions = List.of("jraft 能跨机房部署吗", "seata saga 的状态机支持热部署吗", "MOSN 和 Envoy 比有啥优势",
                "sofa-rpc 超时时间怎么配置", "SOFAArk 能集成到普通 spring boot 项目里吗");
        for (int from = 0; from + 30 <= 60; from += 10) {
            // the set moves on by a third each time: two thirds of its analyses are kept ones
            List<KnowledgeItem> items = new ArrayList<>(corpus.subList(from, from + 30));
            KnowledgeIndex reused = kept.build(items);
            KnowledgeIndex fresh = KnowledgeIndex.build(items);
            for (String question : questions) {
                Match a = fresh.match(question);
                Match b = reused.match(question);
                assertEquals(a.decision(), b.decision(), question);
                assertEquals(a.confidence(), b.confidence(), 0.0, question);
                assertEquals(a.candidates().stream().map(c -> c.item().id() + "/" + c.turnIndex() + "/" + c.score()).toList(),
                        b.candidates().stream().map(c -> c.item().id() + "/" + c.turnIndex() + "/" + c.score()).toList(),
                        question);
            }
            assertEquals(30, kept.size(), "only the last set's analyses are kept");
        }
    }
}
