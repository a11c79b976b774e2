package io.qabot.connectors.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.DingTalkConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Announcements through the custom robot reach a local fake with the URL signed as DingTalk's
 * SDK signs ({@code DingTalkSignatureUtil}); the connector sends the maintainers' announcements
 * through it when it is configured, and through the app robot otherwise.
 */
class DingTalkCustomRobotTest {
    private static final String SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    private final TestBot fixture = TestBot.forOneConnector();

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private DingTalkConfig config(Optional<Secret> secret) {
        return new DingTalkConfig("k", Secret.of("s"), "k", URI.create("https://api.dingtalk.com"), DingTalkConfig.Mode.CALLBACK,
                Optional.of(Secret.of(fixture.api.url("/robot/send?access_token=robot-token").toString())), secret);
    }

    @Test
    void postsAnnouncementsToTheSignedWebhookUrl() throws Exception {
        fixture.api.on("/robot/send", "{\"errcode\":0,\"errmsg\":\"ok\"}");
        DingTalkCustomRobot robot = DingTalkCustomRobot.of(config(Optional.of(Secret.of(SECRET))), fixture.outbound,
                fixture.clock).orElseThrow();

        robot.announce("SOFA Weekly", "本周问答已更新").get(10, TimeUnit.SECONDS);

        RecordingPlatformApi.Recorded request = fixture.api.next("/robot/send");
        String timestamp = Long.toString(TestBot.NOW.toEpochMilli());
        assertEquals("robot-token", request.queryParameter("access_token"));
        assertEquals(timestamp, request.queryParameter("timestamp"));
        assertEquals(DingTalkCallbackTest.sdkSign(timestamp, SECRET), request.queryParameter("sign"));
        assertEquals("本周问答已更新", request.json().at("/markdown/text").asText());
    }

    /** What the Announcer posts for a new escalation. */
    private static OutboundMessage announcement(String chat) {
        return OutboundMessage.post(Platform.DINGTALK, chat, null,
                "New question #7 (1 asker in dingtalk cidAbCdEf0123456789=):\n> how do I build the docs?\n"
                        + "Reply with /answer 7 <answer>, or /dismiss 7.", OutboundMessage.Author.BOT, "announce-7-1");
    }

    private DingTalkConnector connector(Optional<Secret> robotWebhook, Optional<Secret> robotSecret) {
        return new DingTalkConnector(new DingTalkConfig("dingappkey", Secret.of("s"), "dingrobotcode", fixture.api.url(),
                DingTalkConfig.Mode.CALLBACK, robotWebhook, robotSecret), fixture.pipeline, fixture.outbound, fixture.clock);
    }

    @Test
    void theConnectorSendsTheMaintainersAnnouncementsThroughTheCustomRobotWhenOneIsConfigured() throws Exception {
        fixture.api.on("/robot/send", "{\"errcode\":0,\"errmsg\":\"ok\"}");
        DingTalkConnector connector = connector(
                Optional.of(Secret.of(fixture.api.url("/robot/send?access_token=robot-token").toString())),
                Optional.of(Secret.of(SECRET)));

        connector.announcer().send(announcement("cidMaintainers")).get(10, TimeUnit.SECONDS);

        RecordingPlatformApi.Recorded request = fixture.api.next("/robot/send");
        String timestamp = Long.toString(TestBot.NOW.toEpochMilli());
        assertEquals("robot-token", request.queryParameter("access_token"));
        assertEquals(DingTalkCallbackTest.sdkSign(timestamp, SECRET), request.queryParameter("sign"));
        assertEquals("markdown", request.json().get("msgtype").asText());
        assertEquals("New question #7 (1 asker in dingtalk cidAbCdEf0123456789=):  \n> how do I build the docs?  \n"
                + "Reply with /answer 7 <answer>, or /dismiss 7.", request.json().at("/markdown/text").asText(),
                "single line breaks kept the way DingTalk markdown keeps them");
        assertTrue(request.json().at("/markdown/title").asText().startsWith("New question #7"));
        assertTrue(fixture.api.all("/v1.0/robot/groupMessages/send").isEmpty(), "not through the app robot");
    }

    @Test
    void withoutACustomRobotTheConnectorAnnouncesThroughTheAppRobot() throws Exception {
        fixture.api.on("/v1.0/oauth2/accessToken", "{\"accessToken\":\"tok-1\",\"expireIn\":7200}")
                .on("/v1.0/robot/groupMessages/send", "{\"processQueryKey\":\"q-1\"}");
        DingTalkConnector connector = connector(Optional.empty(), Optional.empty());

        connector.announcer().send(announcement("cidMaintainers")).get(10, TimeUnit.SECONDS);

        RecordingPlatformApi.Recorded send = fixture.api.next("/v1.0/robot/groupMessages/send");
        assertEquals("tok-1", send.header("x-acs-dingtalk-access-token"));
        assertEquals("cidMaintainers", send.json().get("openConversationId").asText());
        assertFalse(send.json().has("userIds"), send.text());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(send.json().get("msgParam").asText()).get("text").asText().startsWith("New question #7"));
    }

    @Test
    void theSignInTheWebhookUrlIsUrlEncoded() {
        DingTalkCustomRobot robot = DingTalkCustomRobot.of(config(Optional.of(Secret.of(SECRET))), fixture.outbound,
                fixture.clock).orElseThrow();
        String timestamp = Long.toString(TestBot.NOW.toEpochMilli());
        String sign = DingTalkCallbackTest.sdkSign(timestamp, SECRET);

        String query = robot.signedUrl().getRawQuery();

        assertTrue(query.endsWith("&timestamp=" + timestamp + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8)),
                query);
    }

    @Test
    void isAbsentWhenNoWebhookIsConfigured() {
        DingTalkConfig none = new DingTalkConfig("k", Secret.of("s"), "k", URI.create("https://api.dingtalk.com"),
                DingTalkConfig.Mode.CALLBACK, Optional.empty(), Optional.empty());
        assertTrue(DingTalkCustomRobot.of(none, fixture.outbound, fixture.clock).isEmpty());
    }
}
