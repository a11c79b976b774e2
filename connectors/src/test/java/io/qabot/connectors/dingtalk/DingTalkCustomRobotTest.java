package io.qabot.connectors.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.DingTalkConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.recording.ConnectorFixture;
import io.qabot.connectors.recording.RecordingApi;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Announcements through the custom robot reach a local fake with the URL signed as DingTalk's SDK signs. */
class DingTalkCustomRobotTest {
    private static final String SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    private final ConnectorFixture fixture = new ConnectorFixture();

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private DingTalkConfig config(Optional<Secret> secret) {
        return new DingTalkConfig("k", Secret.of("s"), "k", URI.create("https://api.dingtalk.com"), DingTalkConfig.Mode.CALLBACK,
                Optional.of(Secret.of(fixture.api.uri("/robot/send?access_token=robot-token").toString())), secret);
    }

    @Test
    void postsAnnouncementsToTheSignedWebhookUrl() throws Exception {
        fixture.api.on("/robot/send", "{\"errcode\":0,\"errmsg\":\"ok\"}");
        DingTalkCustomRobot robot = DingTalkCustomRobot.of(config(Optional.of(Secret.of(SECRET))), fixture.outbound,
                fixture.clock).orElseThrow();

        robot.announce("SOFA Weekly", "本周问答已更新").get(10, TimeUnit.SECONDS);

        RecordingApi.Request request = fixture.api.next("/robot/send");
        String timestamp = Long.toString(ConnectorFixture.NOW.toEpochMilli());
        assertEquals("robot-token", request.query().get("access_token"));
        assertEquals(timestamp, request.query().get("timestamp"));
        assertEquals(DingTalkCallbackTest.sdkSign(timestamp, SECRET), request.query().get("sign"));
        assertEquals("本周问答已更新", request.json().at("/markdown/text").asText());
    }

    @Test
    void isAbsentWhenNoWebhookIsConfigured() {
        DingTalkConfig none = new DingTalkConfig("k", Secret.of("s"), "k", URI.create("https://api.dingtalk.com"),
                DingTalkConfig.Mode.CALLBACK, Optional.empty(), Optional.empty());
        assertTrue(DingTalkCustomRobot.of(none, fixture.outbound, fixture.clock).isEmpty());
    }
}
