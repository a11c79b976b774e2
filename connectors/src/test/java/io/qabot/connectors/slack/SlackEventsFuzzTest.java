package io.qabot.connectors.slack;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.Secret;
import io.qabot.config.SlackConfig;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.pacing.ChannelPacer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Timeout;

/**
 * Any body, signed with Slack's v0 signature at the right time, so every input reaches the
 * Events API decoder ({@link SlackEnvelope}) and the pipeline: a 200 (challenge, event
 * acknowledged or ignored), or a 400 with a JSON reason. Seeds: the golden payloads in
 * {@code src/test/resources/slack/}.
 */
class SlackEventsFuzzTest {
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anySignedEventIsAnsweredOrRefusedWithAReason(byte[] body) {
        var connector = new SlackConnector(new SlackConfig(Secret.of(SIGNING_SECRET), Secret.of("xoxb-fuzz"),
                FuzzedPlatform.api().resolve("/api")), FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT,
                FuzzedPlatform.CLOCK, delay -> CompletableFuture.completedFuture(null));
        String timestamp = Long.toString(FuzzedPlatform.NOW.getEpochSecond());
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", "application/json");
        FuzzRequests.with(headers, SlackSignature.TIMESTAMP, timestamp);
        FuzzRequests.with(headers, SlackSignature.SIGNATURE,
                new SlackSignature(Secret.of(SIGNING_SECRET).bytes(), FuzzedPlatform.CLOCK).sign(timestamp, body));

        var response = RouteContract.answersOrRefusesWithAReason(connector.routes().get(0),
                FuzzRequests.post(SlackConnector.PATH, headers, body));
        RouteContract.assertNotRefusedAsUnsigned(response);
    }
}
