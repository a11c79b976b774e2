package io.qabot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.core.feedback.RetiredItem;
import java.time.Instant;

/**
 * A retired item as {@code GET /api/v1/knowledge/retired} lists it, both ways: the route writes
 * it, and {@code qabot digest} reads it back from a running serve, so the two cannot drift.
 */
public final class RetiredItemJson {
    private RetiredItemJson() {
    }

    static ObjectNode write(RetiredItem r) {
        ObjectNode json = EscalationJson.JSON.createObjectNode();
        json.put("item", r.itemId());
        json.put("maintainer", r.maintainer());
        json.put("retired", r.retired().toString());
        json.put("reason", r.reason());
        return json;
    }

    /** One entry of the route's {@code items}, as {@link #write} wrote it. */
    public static RetiredItem read(JsonNode json) {
        return new RetiredItem(json.path("item").asText(), json.path("maintainer").asText(),
                Instant.parse(json.path("retired").asText()), json.path("reason").asText());
    }
}
