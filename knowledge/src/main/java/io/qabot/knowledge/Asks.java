package io.qabot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * What kind of answer a question wants, as bits: when something happens, why, what the
 * difference is, where something is, how many or how much. An answer to "why Layotto has an
 * SDK" does not say when the Rust SDK comes out, however many words the two share. Only
 * these kinds are told apart: "how" and "whether it supports" are asked in too many ways,
 * and answered by too many kinds of answer, to separate questions.
 */
final class Asks {
    static final int WHEN = 1;
    static final int WHY = 1 << 1;
    static final int DIFFERENCE = 1 << 2;
    static final int WHERE = 1 << 3;
    static final int HOW_MANY = 1 << 4;
    private static final String[] NAMES = {"when", "why", "difference", "where", "how many"};

    private static final Cues[] CUES = {
            new Cues(List.of("什么时候", "啥时候", "何时", "多久", "哪个版本", "哪一版", "计划", "规划", "路线图", "roadmap",
                    " when ", " eta ", "release date", " plan")),
            new Cues(List.of("为什么", "为啥", "为何", "原因", "干嘛", " why ", "reason")),
            new Cues(List.of("区别", "差别", "差异", "不同", "对比", "相比", "比较", "哪个好", " diff", " vs ", " vs.", "versus",
                    "compared")),
            new Cues(List.of("哪里", "哪儿", "在哪", "目录", "路径", " where ", " path ", "folder", "directory")),
            new Cues(List.of("多少", "几个", "几种", "上限", "下限", "最大", "最多", "最少", "最低", "最高", "默认值",
                    " how many ", " how much ", " how long ", " limit", "maximum", "minimum")),
    };

    private Asks() {
    }

    static int of(String text) {
        String lower = Cues.lower(text);
        int bits = 0;
        for (int i = 0; i < CUES.length; i++) {
            if (CUES[i].foundIn(lower)) {
                bits |= 1 << i;
            }
        }
        return bits;
    }
    /** The kinds asked that the candidate's question does not ask. */
    static int missing(int asked, int candidate) {
        return asked & ~candidate;
    }

    static List<String> names(int bits) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((bits & 1 << i) != 0) {
                names.add(NAMES[i]);
            }
        }
        return names;
    }
}
