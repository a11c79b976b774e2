package io.qabot.connectors.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.http.WebhookSignatures;
import io.qabot.connectors.payload.Fields;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Any body, correctly signed at the right time, so every input gets past the signature to the
 * payload decoder and the pipeline: a 200 carrying {@code in_reply_to}, or a 4xx naming what is
 * wrong with the payload. Seeds: the contract's example and variations of it, in
 * {@code WebhookPayloadFuzzTestInputs/anySignedBodyIsAnsweredOrRefusedWithAReason/}.
 */
class WebhookPayloadFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anySignedBodyIsAnsweredOrRefusedWithAReason(byte[] body) throws IOException {
        String timestamp = Long.toString(FuzzedWebhook.NOW.getEpochSecond());
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", "application/json");
        FuzzRequests.with(headers, WebhookConnector.TIMESTAMP, timestamp);
        FuzzRequests.with(headers, WebhookConnector.SIGNATURE, WebhookSignatures.sign(FuzzedWebhook.SECRET, timestamp, body));

        RouteResponse response = RouteContract.answersOrRefusesWithAReason(FuzzedWebhook.route(),
                FuzzRequests.post(WebhookConnector.PATH, headers, body));

        if (response.status() == 200) {
            JsonNode sent = JSON.readTree(body);
            assertEquals(sent.get("id").asText(), JSON.readTree(response.body()).get("in_reply_to").asText());
            // an id the store could not keep (500 characters) is refused before the 200, not failed after it
            for (JsonNode id : List.of(sent.path("id"), sent.path("chat"), sent.path("user").path("id"), sent.path("thread"),
                    sent.path("reply_to"))) {
                assertTrue(id.asText("").length() <= Fields.MAX_ID, "an id of " + id.asText("").length() + " characters taken");
            }
        }
    }
}
