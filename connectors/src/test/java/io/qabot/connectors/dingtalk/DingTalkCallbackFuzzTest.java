package io.qabot.connectors.dingtalk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.DingTalkConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Timeout;

/**
 * Any body to the robot callback, with {@code timestamp} and {@code sign} headers made with the
 * app secret at the right time, so every input reaches the robot-message decoder
 * ({@link DingTalkRobotMessage}) and the pipeline: a 200, or a 400 with a JSON reason. Seeds:
 * the golden robot message in {@code src/test/resources/dingtalk/} and its Stream data.
 */
class DingTalkCallbackFuzzTest {
    private static final Secret APP_SECRET = Secret.of("fuzz-app-secret-钉钉");

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anySignedCallbackIsAnsweredOrRefusedWithAReason(byte[] body) {
        var connector = new DingTalkConnector(new DingTalkConfig("ding-fuzz", APP_SECRET, "ding-robot",
                FuzzedPlatform.api(DingTalkReplies.DINGTALK_SESSIONS.getHost(), 443), DingTalkConfig.Mode.CALLBACK, Optional.empty(), Optional.empty()),
                FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT, FuzzedPlatform.CLOCK,
                delay -> CompletableFuture.completedFuture(null));
        String timestamp = Long.toString(FuzzedPlatform.NOW.toEpochMilli());
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", "application/json; charset=utf-8");
        FuzzRequests.with(headers, "timestamp", timestamp);
        FuzzRequests.with(headers, "sign", new DingTalkSignature(APP_SECRET).sign(timestamp));

        var response = RouteContract.answersOrRefusesWithAReason(connector.routes().get(0),
                FuzzRequests.post(DingTalkConnector.PATH, headers, body));
        RouteContract.assertNotRefusedAsUnsigned(response);
    }
}
