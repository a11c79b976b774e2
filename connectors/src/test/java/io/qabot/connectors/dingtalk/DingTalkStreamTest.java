package io.qabot.connectors.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.DingTalkConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.core.Escalation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stream mode against a local fake DingTalk: {@code connections/open} on a recording HTTP
 * fake, the gateway a Netty WebSocket server that checks tickets and records the ACKs, the
 * documented frames as golden payloads, and reconnection waits moved by hand.
 */
@Timeout(60)
class DingTalkStreamTest {
    private static final String APP_KEY = "dingappkey";
    private static final String APP_SECRET = "gC0dn7x_L3hYxMRy-Ab0zTVrKuHnQ9c4Yq8WBs2gEtHpS5aN1dR6fJ3mkZuXvLo";
    private static final String SESSION_PATH = "/robot/sendBySession";
    private static final String STAFF_ID = "01426861-1254332033";
    private static final String CONVERSATION = "cidFbEwwavwcAsXDZbYqSBLnA==";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestBot fixture = TestBot.forOneConnector();
    private final HandDelays time = new HandDelays();
    private final long now = TestBot.NOW.toEpochMilli();
    private FakeStreamGateway gateway;
    private DingTalkConnector connector;

    @BeforeEach
    void startTheGateway() throws Exception {
        gateway = new FakeStreamGateway();
        fixture.api.on(StreamRegistration.PATH, gateway::register);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        gateway.close();
    }

    private void start() throws InterruptedException {
        start(DingTalkStream.KEEP_ALIVE);
    }

    private void start(Duration keepAlive) throws InterruptedException {
        DingTalkConfig config = new DingTalkConfig(APP_KEY, Secret.of(APP_SECRET), "dingrobotcode", fixture.api.url(),
                DingTalkConfig.Mode.STREAM, Optional.empty(), Optional.empty());
        connector = fixture.start(f -> new DingTalkConnector(config, f.pipeline, f.outbound, f.clock, time, keepAlive));
    }

    /** Starts the connector and waits for its first connection. */
    private String connected() throws InterruptedException {
        start();
        return gateway.nextConnection();
    }

    /**
     * The documented robot-message frame with {@code question} from {@code staffId}, sent now,
     * its session webhook pointing at the fake for {@code sessionMinutes}.
     */
    private String robotFrame(String frameId, String msgId, String staffId, String question, long sessionMinutes)
            throws Exception {
        ObjectNode frame = (ObjectNode) JSON.readTree(TestBot.resource("dingtalk/stream-robot-message.json"));
        ObjectNode message = (ObjectNode) JSON.readTree(frame.get("data").asText());
        message.put("msgId", msgId).put("senderStaffId", staffId).put("createAt", now)
                .put("sessionWebhookExpiredTime", now + Duration.ofMinutes(sessionMinutes).toMillis())
                .put("sessionWebhook", message.get("sessionWebhook").asText()
                        .replace("https://oapi.dingtalk.com", fixture.api.url().toString()));
        message.putObject("text").put("content", question);
        ((ObjectNode) frame.get("headers")).put("messageId", frameId);
        frame.put("data", message.toString());
        return frame.toString();
    }

    private String robotFrame(String frameId, String msgId, String question) throws Exception {
        return robotFrame(frameId, msgId, STAFF_ID, question, 90);
    }

    @Test
    void registersWithTheAppCredentialsForRobotMessagesAndConnectsWithTheTicketItGot() throws Exception {
        String ticket = connected();

        RecordingPlatformApi.Recorded open = fixture.api.all(StreamRegistration.PATH).get(0);
        JsonNode body = open.json();
        assertEquals(APP_KEY, body.get("clientId").asText());
        assertEquals(APP_SECRET, body.get("clientSecret").asText());
        assertEquals(1, body.get("subscriptions").size());
        assertEquals("CALLBACK", body.at("/subscriptions/0/type").asText());
        assertEquals("/v1.0/im/bot/messages/get", body.at("/subscriptions/0/topic").asText());
        assertEquals("application/json", open.header("Accept"));
        assertEquals("tk+1/a=b", ticket, "the ticket arrives intact, URL-encoded on the way");
        assertTrue(gateway.refused().isEmpty(), gateway.refused().toString());
    }

    @Test
    void acknowledgesEveryFrameWithItsMessageIdPingsEchoingTheirData() throws Exception {
        connected();

        gateway.send(TestBot.resource("dingtalk/stream-ping.json"));
        JsonNode ping = gateway.nextAck();
        gateway.send(robotFrame("frame-1", "msg-1", " raft 能跨机房部署吗"));
        JsonNode callback = gateway.nextAck();
        gateway.send(TestBot.resource("dingtalk/stream-card-callback.json"));
        JsonNode unknown = gateway.nextAck();

        assertEquals(200, ping.get("code").asInt());
        assertEquals("c0a800e9168327946112013b51", ping.at("/headers/messageId").asText());
        assertEquals("6b1b5d0f-3f8e-4b6a-9c57-2f1e0d3c4b5a", JSON.readTree(ping.get("data").asText()).get("opaque").asText());
        assertEquals(200, callback.get("code").asInt());
        assertEquals("frame-1", callback.at("/headers/messageId").asText());
        assertEquals("application/json", callback.at("/headers/contentType").asText());
        assertTrue(callback.get("data").isTextual(), "data is JSON in a string");
        assertEquals("213f1d00_853_187b7df7820_2260", unknown.at("/headers/messageId").asText());
        assertEquals(404, unknown.get("code").asInt(), "a topic the bot has no handler for");
    }

    @Test
    void answersARobotMessageThroughItsSessionWebhookMentioningTheAsker() throws Exception {
        connected();

        gateway.send(robotFrame("frame-2", "msg-2", " raft 能跨机房部署吗"));

        RecordingPlatformApi.Recorded reply = fixture.api.next(SESSION_PATH);
        assertEquals("2664f1467475bd90fcba36234c735997", reply.queryParameter("session"));
        JsonNode body = reply.json();
        assertEquals("markdown", body.get("msgtype").asText());
        assertTrue(body.at("/markdown/text").asText().startsWith("@" + STAFF_ID + " 跨机房不需要特殊支持"), body.toString());
        assertEquals(STAFF_ID, body.at("/at/atUserIds/0").asText());
    }

    @Test
    void answersThroughTheOpenApiWithTheAppsTokenOnceTheSessionWebhookHasExpired() throws Exception {
        fixture.api.on("/v1.0/oauth2/accessToken", "{\"accessToken\":\"tok-1\",\"expireIn\":7200}")
                .on("/v1.0/robot/groupMessages/send", "{\"processQueryKey\":\"q-1\"}");
        connected();

        gateway.send(robotFrame("frame-3", "msg-3", STAFF_ID, " raft 能跨机房部署吗", 0));

        RecordingPlatformApi.Recorded send = fixture.api.next("/v1.0/robot/groupMessages/send");
        assertEquals("tok-1", send.header("x-acs-dingtalk-access-token"));
        assertEquals(CONVERSATION, send.json().get("openConversationId").asText());
        JsonNode param = JSON.readTree(send.json().get("msgParam").asText());
        assertTrue(param.get("text").asText().startsWith("@" + STAFF_ID + " 跨机房不需要特殊支持"), param.toString());
        JsonNode token = fixture.api.all("/v1.0/oauth2/accessToken").get(0).json();
        assertEquals(APP_KEY, token.get("appKey").asText());
        assertTrue(fixture.api.all(SESSION_PATH).isEmpty());
    }

    @Test
    void escalatesAnUnknownQuestionAndDeliversTheMaintainersAnswerToTheAsker() throws Exception {
        connected();

        gateway.send(robotFrame("frame-4", "msg-4", " how do I build the docs?"));

        Escalation escalation = fixture.escalations.next();
        assertEquals("how do I build the docs?", escalation.question());
        assertEquals(CONVERSATION, escalation.askers().get(0).chat());
        assertEquals(STAFF_ID, escalation.askers().get(0).user().id());
        fixture.answer(escalation.id(), "运行 `mvn site` 即可。");
        JsonNode body = fixture.api.next(SESSION_PATH).json();
        assertTrue(body.at("/markdown/text").asText().startsWith("@" + STAFF_ID + " 运行 mvn site 即可。"), body.toString());
    }

    @Test
    void reconnectsWithANewTicketAfterTheConnectionDropsAndAnswersARedeliveredFrameOnce() throws Exception {
        String first = connected();
        String frame = robotFrame("frame-5", "msg-5", " raft 能跨机房部署吗");
        gateway.send(frame);
        gateway.nextAck();
        fixture.api.next(SESSION_PATH);

        gateway.drop();
        assertEquals(DingTalkStream.FIRST_BACKOFF, time.nextWait());
        assertNull(gateway.nextConnectionWithin(200), "no reconnection before the backoff has passed");
        time.advance(DingTalkStream.FIRST_BACKOFF);
        String second = gateway.nextConnection();
        gateway.send(frame);   // DingTalk redelivers what it thinks was not ACKed
        JsonNode ack = gateway.nextAck();

        assertNotEquals(first, second);
        assertEquals(2, gateway.ticketsIssued());
        assertTrue(gateway.refused().isEmpty(), "each ticket used once: " + gateway.refused());
        assertEquals("frame-5", ack.at("/headers/messageId").asText());
        assertEquals(200, ack.get("code").asInt());
        // a different asker's question proves the bot is answering again, and comes after the redelivery
        gateway.send(robotFrame("frame-6", "msg-6", "9876543210", " 跨机房 raft 怎么部署", 90));
        assertTrue(fixture.api.next(SESSION_PATH).json().at("/markdown/text").asText().startsWith("@9876543210 "));
        assertEquals(2, fixture.api.all(SESSION_PATH).size(), "msg-5 answered once");
    }

    @Test
    void opensANewConnectionAtOnceWhenDingTalkAnnouncesADisconnect() throws Exception {
        String first = connected();

        gateway.send(TestBot.resource("dingtalk/stream-disconnect.json"));

        JsonNode ack = gateway.nextAck();
        assertEquals("c0a800e9168327945646012d43", ack.at("/headers/messageId").asText());
        assertEquals(200, ack.get("code").asInt());
        String second = gateway.nextConnection();
        assertNotEquals(first, second);
        assertNull(time.nextWaitWithin(200), "no backoff: DingTalk asked for it");
        // DingTalk closes the old connection later; that is not a reason for yet another one
        gateway.drop(first);
        assertNull(time.nextWaitWithin(200));
        assertEquals(2, gateway.ticketsIssued());
    }

    @Test
    void backsOffExponentiallyWhileRegistrationIsRefusedAndStartsOverOnceConnected() throws Exception {
        fixture.api.on(StreamRegistration.PATH, request -> RecordingPlatformApi.Answer.json(403,
                "{\"code\":\"Forbidden.AccessDenied\",\"message\":\"clientId or clientSecret is invalid\"}"));
        start();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Duration wait = time.nextWait();
            waits.add(wait);
            if (i == 7) {
                fixture.api.on(StreamRegistration.PATH, gateway::register);   // the secret was fixed meanwhile
            }
            time.advance(wait);
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L), waits.stream().map(Duration::toSeconds).toList());

        gateway.nextConnection();
        gateway.drop();
        assertEquals(DingTalkStream.FIRST_BACKOFF, time.nextWait());
    }

    @Test
    void keepsAnIdleConnectionThatAnswersPingsAndReplacesOneThatWentSilent() throws Exception {
        Duration keepAlive = Duration.ofMillis(150);
        start(keepAlive);
        String first = gateway.nextConnection();

        // idle but alive: the gateway answers the bot's pings, so nothing reconnects
        assertNull(time.nextWaitWithin(keepAlive.multipliedBy(8).toMillis()), "a live idle connection was dropped");
        assertTrue(gateway.newestIsOpen());

        // the gateway vanishes without closing (a NAT forgot the flow): no pong, no FIN
        gateway.goSilent();
        assertEquals(DingTalkStream.FIRST_BACKOFF, time.nextWait(), "the dead connection was noticed");
        time.advance(DingTalkStream.FIRST_BACKOFF);
        String second = gateway.nextConnection();
        assertNotEquals(first, second);
        gateway.send(robotFrame("frame-7", "msg-7", STAFF_ID, " raft 能跨机房部署吗", 90));
        assertEquals("frame-7", gateway.nextAck().at("/headers/messageId").asText());
    }

    @Test
    void closeEndsTheConnectionAndNothingReconnectsAfterwards() throws Exception {
        connected();

        connector.close();
        time.advance(DingTalkStream.LAST_BACKOFF);

        assertNull(gateway.nextConnectionWithin(300));
        assertFalse(gateway.newestIsOpen());
        assertEquals(1, fixture.api.all(StreamRegistration.PATH).size());
    }
}
