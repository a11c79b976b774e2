package io.qabot.core.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SameQuestionTest {
    private final SameQuestion same = new SameQuestion();
    private final List<SameQuestion.Open> open = List.of(
            new SameQuestion.Open(1, "SOFAJRaft 支持跨机房部署吗？"),
            new SameQuestion.Open(2, "sofa-rpc 的超时时间在哪里配置"),
            new SameQuestion.Open(3, "MOSN 能和 Istio 一起用吗"));

    @Test
    void foldsCaseSpacingAndPunctuation() {
        assertEquals(OptionalLong.of(1), same.find("sofajraft  支持跨机房部署吗", open));
    }

    @Test
    void aQuestionTypedWithoutSpacesIsTheSameQuestion() {
        // the matcher's words split differently without the spaces ("Couldnotfound…" is one word):
        // only the key, which counts letters and digits alone, sees one question
        List<SameQuestion.Open> withSpaces = List.of(open.get(0), new SameQuestion.Open(7,
                "A -> B, A 没有问题，执行到 B 的更新操作时候， Could not found global transaction xid = 192.168.0.112:8091:1893025023560908，会是什么原因产生的？"));
        assertEquals(OptionalLong.of(7), same.find(
                "A->B,A没有问题，执行到B的更新操作时候，Couldnotfoundglobaltransactionxid=192.168.0.112:8091:1893025023560908，会是什么原因产生的？",
                withSpaces));
    }

    @Test
    void aKeyWithoutLettersOrDigitsJoinsNothing() {
        List<SameQuestion.Open> marks = List.of(new SameQuestion.Open(8, "？？？"), new SameQuestion.Open(9, "🙏🙏"));
        assertTrue(same.find("!!!", marks).isEmpty());
        assertTrue(same.find("👍👍👍", marks).isEmpty());
    }

    @Test
    void joinsAParaphraseTheMatcherWouldAnswerTheSameWay() {
        assertEquals(OptionalLong.of(1), same.find("jraft 能不能跨机房部署？", open));
        assertEquals(OptionalLong.of(2), same.find("请问 sofa-rpc 超时时间怎么配置", open));
    }

    @Test
    void keepsADifferentQuestionApart() {
        assertTrue(same.find("seata 的 AT 模式支持 oracle 吗", open).isEmpty());
        assertTrue(same.find("MOSN 的内存占用有多大", open).isEmpty(), "sharing a product is not enough");
        assertTrue(same.find("jraft 的 learner 怎么用", open).isEmpty());
    }

    @Test
    void findsNothingWhenNothingIsOpen() {
        assertTrue(same.find("SOFAJRaft 支持跨机房部署吗？", List.of()).isEmpty());
    }
}
