package io.qabot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.knowledge.Explanation;

/**
 * The matcher's reasons as JSON: the {@code explain} object of {@code qabot ask --explain --json}
 * and of {@code POST /api/v1/explain}, written in this one place so both say the same.
 */
public final class ExplanationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplanationJson() {
    }

    /**
     * {@code {"decidedBy", "rule"?, "modelConfidence", "threshold", "bias",
     * "features": {name: {"value", "adds"}}, "runnerUp"?: {"item", "turn", "question", "file"}}}.
     */
    public static ObjectNode of(Explanation why) {
        ObjectNode json = JSON.createObjectNode();
        json.put("decidedBy", why.decidedBy());
        if (why.rule() != null) {
            json.put("rule", why.rule());
        }
        json.put("modelConfidence", why.modelConfidence());
        json.put("threshold", why.threshold());
        json.put("bias", why.bias());
        ObjectNode features = json.putObject("features");
        why.features().forEach((name, value) -> features.putObject(name).put("value", value)
                .put("adds", why.contributions().get(name)));
        if (why.runnerUp() != null) {
            json.putObject("runnerUp").put("item", why.runnerUp().item().id()).put("turn", why.runnerUp().turnIndex())
                    .put("question", why.runnerUp().turn().question()).put("file", why.runnerUp().item().source().file());
        }
        return json;
    }
}
