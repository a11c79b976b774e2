package io.qabot.connectors.webhook;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.http.WebhookSignatures;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;

/**
 * Any timestamp, signature and content type headers with any body: the route answers or
 * refuses with a reason, and a request whose signature is not the HMAC of exactly its
 * timestamp and body, or whose timestamp is outside the window, is always a 401. The fuzzer
 * chooses whether to sign correctly, so it also reaches the checks behind the signature.
 */
class WebhookSignatureFuzzTest {
    private static final long NOW = FuzzedWebhook.NOW.getEpochSecond();
    private static final long WINDOW = WebhookOptions.DEFAULT_MAX_SKEW.toSeconds();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void onlyARequestSignedWithTheSecretInsideTheWindowGetsPastTheSignature(FuzzedDataProvider data) {
        String timestamp = switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> Long.toString(NOW + data.consumeLong(-2 * WINDOW, 2 * WINDOW));
            case 2 -> Long.toString(data.consumeLong());
            default -> data.consumeString(30);
        };
        String contentType = switch (data.consumeInt(0, 2)) {
            case 0 -> null;
            case 1 -> "application/json; charset=utf-8";
            default -> data.consumeString(40);
        };
        int signing = data.consumeInt(0, 3);
        String secret = signing == 2 ? "other-" + data.consumeString(20) : FuzzedWebhook.SECRET;
        String free = signing == 3 ? data.consumeString(80) : null;
        byte[] body = data.consumeRemainingAsBytes();
        String signature = switch (signing) {
            case 0 -> null;
            case 3 -> free;
            default -> timestamp == null ? "sha256=" : WebhookSignatures.sign(secret, timestamp, body);
        };
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", contentType);
        FuzzRequests.with(headers, WebhookConnector.TIMESTAMP, timestamp);
        FuzzRequests.with(headers, WebhookConnector.SIGNATURE, signature);

        RouteResponse response = RouteContract.answersOrRefusesWithAReason(FuzzedWebhook.route(),
                FuzzRequests.post(WebhookConnector.PATH, headers, body));

        String deliveredTimestamp = timestamp == null ? null : FuzzRequests.deliverable(timestamp);
        String deliveredSignature = signature == null ? null : FuzzRequests.deliverable(signature);
        if (!authentic(deliveredTimestamp, deliveredSignature, body)) {
            RouteContract.assertRefused(401, response, "the signature is not the secret's HMAC of this timestamp and body");
        } else if (!inWindow(deliveredTimestamp)) {
            RouteContract.assertRefused(401, response, "the timestamp is outside the window");
        }
    }

    private static boolean authentic(String timestamp, String signature, byte[] body) {
        return timestamp != null && signature != null
                && signature.equals(WebhookSignatures.sign(FuzzedWebhook.SECRET, timestamp, body));
    }

    private static boolean inWindow(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Duration.ofSeconds(NOW).minusSeconds(seconds).abs().getSeconds() <= WINDOW;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }
}
