package io.qabot.connectors.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.http.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Timestamps at the ends of the number range are outside the window, however they are signed. */
class WebhookTimestampTest {
    private static final byte[] BODY = ("{\"id\": \"m-1\", \"chat\": \"group-42\", \"user\": {\"id\": \"u7\"},"
            + " \"text\": \"raft 能跨机房部署吗\", \"mentioned\": true}").getBytes(StandardCharsets.UTF_8);

    private static RouteResponse signedAt(String timestamp) {
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", "application/json");
        FuzzRequests.with(headers, WebhookConnector.TIMESTAMP, timestamp);
        FuzzRequests.with(headers, WebhookConnector.SIGNATURE, WebhookSignatures.sign(FuzzedWebhook.SECRET, timestamp, BODY));
        return RouteContract.answersOrRefusesWithAReason(FuzzedWebhook.route(),
                FuzzRequests.post(WebhookConnector.PATH, headers, BODY));
    }

    @Test
    void aSignedTimestampWhoseDistanceFromNowOverflowsIsRefusedAsOutsideTheWindow() {
        // now - timestamp wraps around to Long.MIN_VALUE, whose absolute value is negative
        String timestamp = Long.toString(FuzzedWebhook.NOW.getEpochSecond() + Long.MIN_VALUE);

        RouteResponse response = signedAt(timestamp);

        assertEquals(401, response.status(), response.bodyText());
        assertEquals("X-Qabot-Timestamp is outside the allowed window of 300 s", RouteContract.reason(response));
    }

    @Test
    void signedTimestampsAtTheEndsOfTheRangeAreRefusedAsOutsideTheWindow() {
        for (long timestamp : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, -1}) {
            RouteResponse response = signedAt(Long.toString(timestamp));

            assertEquals(401, response.status(), timestamp + ": " + response.bodyText());
        }
    }
}
