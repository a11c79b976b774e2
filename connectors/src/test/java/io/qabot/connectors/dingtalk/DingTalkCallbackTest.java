package io.qabot.connectors.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dingtalk.api.DingTalkSignatureUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.DingTalkConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.TestBot;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.connectors.time.HostileNumbers;
import io.qabot.core.Escalation;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP callback end to end: DingTalk's documented group @-message, signed by DingTalk's
 * own Java SDK ({@code alibaba-dingtalk-service-sdk}'s {@code DingTalkSignatureUtil}), into a
 * real server; the answer lands on a local fake of the session webhook or the OpenAPI.
 */
class DingTalkCallbackTest {
    private static final String APP_SECRET = "gC0dn7x_L3hYxMRy-Ab0zTVrKuHnQ9c4Yq8WBs2gEtHpS5aN1dR6fJ3mkZuXvLo";
    private static final String SESSION_PATH = "/robot/sendBySession";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestBot fixture = TestBot.forOneConnector();
    private final long now = TestBot.NOW.toEpochMilli();
    private long posts;

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
    }

    private DingTalkConnector start() throws InterruptedException {
        DingTalkConfig config = new DingTalkConfig("dingappkey", Secret.of(APP_SECRET), "dingrobotcode",
                fixture.api.url(), DingTalkConfig.Mode.CALLBACK, Optional.empty(), Optional.empty());
        return fixture.start(f -> new DingTalkConnector(config, f.pipeline, f.outbound, f.clock));
    }

    /** The documented message with {@code question}, sent now, its session webhook pointing at the fake for 90 minutes. */
    private String message(String msgId, String question) {
        return TestBot.resource("dingtalk/group-at-message.json")
                .replace("msgKx3Yq9h2J0rZ==", msgId)
                .replace(" how do I build the docs?", question)
                .replace("1717000000123", Long.toString(now))
                .replace("1717005400123", Long.toString(now + 5_400_000))
                .replace("https://oapi.dingtalk.com", fixture.api.url().toString());
    }

    /** Signed the way the platform signs, by its SDK: HmacSHA256(appSecret, timestamp + "\n" + appSecret), Base64. */
    static String sdkSign(String timestamp, String secret) {
        return DingTalkSignatureUtil.computeSignature(secret, DingTalkSignatureUtil.getCanonicalStringForIsv(
                Long.parseLong(timestamp), secret));
    }

    private HttpResponse<String> post(String body, long timestamp, String sign) throws Exception {
        HttpRequest.Builder request = fixture.request(DingTalkConnector.PATH)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != 0) {
            request.header("timestamp", Long.toString(timestamp));
        }
        if (sign != null) {
            request.header("sign", sign);
        }
        return fixture.send(request.build());
    }

    /** Signed with a timestamp of its own, as DingTalk signs each callback: a pair is good for one body. */
    private HttpResponse<String> post(String body) throws Exception {
        long stamp = now - posts++;
        return post(body, stamp, sdkSign(Long.toString(stamp), APP_SECRET));
    }

    @Test
    void signsExactlyAsDingTalksOwnSdkDoes() {
        DingTalkSignature ours = new DingTalkSignature(Secret.of(APP_SECRET));
        String timestamp = Long.toString(now);

        assertEquals(sdkSign(timestamp, APP_SECRET), ours.sign(timestamp));
        assertTrue(ours.verify(timestamp, sdkSign(timestamp, APP_SECRET)));
    }

    @Test
    void answersAKnownQuestionThroughTheSessionWebhookMentioningTheAsker() throws Exception {
        start();

        HttpResponse<String> response = post(message("msg-1", " raft 能跨机房部署吗"));

        assertEquals(200, response.statusCode());
        RecordingPlatformApi.Recorded reply = fixture.api.next(SESSION_PATH);
        assertEquals("0f1e2d3c", reply.queryParameter("session"));
        JsonNode body = reply.json();
        assertEquals("markdown", body.get("msgtype").asText());
        assertTrue(body.at("/markdown/text").asText().startsWith("@0123456789 跨机房不需要特殊支持"), body.toString());
        assertEquals("0123456789", body.at("/at/atUserIds/0").asText());
        assertEquals(false, body.at("/at/isAtAll").asBoolean());
    }

    @Test
    void refusesABodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        start();
        assertEquals(200, post(message("msg-seen", " raft 能跨机房部署吗")).statusCode());
        fixture.api.next(SESSION_PATH);
        byte[] padded = PaddedNames.withPaddedName(message("msg-padded", " raft 能跨机房部署吗"), "msgtype");
        String stamp = Long.toString(now - posts++);

        HttpResponse<String> response = fixture.send(fixture.request(DingTalkConnector.PATH)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("timestamp", stamp)
                .header("sign", sdkSign(stamp, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).get("error").asText().startsWith("body is not UTF-8 (byte 0xFF at offset "),
                response.body());
        assertNull(fixture.api.nextWithin(300));
        assertEquals(1, fixture.matcher.calls());
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void answersAMessageWhoseCreateAtIsAHugeNumberWrittenAsText(String hostile) throws Exception {
        start();
        String body = message("msg-huge", " raft 能跨机房部署吗")
                .replace("\"createAt\":" + now, "\"createAt\":\"" + hostile + "\"");
        assertTrue(body.contains(hostile), "the documented message carries a createAt to replace");

        assertEquals(200, post(body).statusCode());

        assertTrue(fixture.api.next(SESSION_PATH).json().at("/markdown/text").asText().contains("跨机房不需要特殊支持"));
    }

    @Test
    void answersThroughTheOpenApiWithAFreshAccessTokenOnceTheSessionWebhookHasExpired() throws Exception {
        fixture.api.on("/v1.0/oauth2/accessToken", "{\"accessToken\":\"tok-1\",\"expireIn\":7200}")
                .on("/v1.0/robot/groupMessages/send", "{\"processQueryKey\":\"q-1\"}");
        start();
        String expired = message("msg-2", " raft 能跨机房部署吗")
                .replace(Long.toString(now + 5_400_000), Long.toString(now - 1));

        assertEquals(200, post(expired).statusCode());

        RecordingPlatformApi.Recorded tokenRequest = fixture.api.next("/v1.0/oauth2/accessToken");
        assertEquals("dingappkey", tokenRequest.json().get("appKey").asText());
        assertEquals(APP_SECRET, tokenRequest.json().get("appSecret").asText());
        RecordingPlatformApi.Recorded send = fixture.api.next("/v1.0/robot/groupMessages/send");
        assertEquals("tok-1", send.header("x-acs-dingtalk-access-token"));
        JsonNode body = send.json();
        assertEquals("dingrobotcode", body.get("robotCode").asText());
        assertEquals("cidAbCdEf0123456789=", body.get("openConversationId").asText());
        assertEquals("sampleMarkdown", body.get("msgKey").asText());
        JsonNode param = JSON.readTree(body.get("msgParam").asText());
        assertTrue(param.get("text").asText().startsWith("@0123456789 跨机房不需要特殊支持"), param.toString());
        assertTrue(fixture.api.all(SESSION_PATH).isEmpty());
    }

    @Test
    void escalatesAnUnknownQuestionAndDeliversTheMaintainersAnswerToTheAsker() throws Exception {
        start();

        assertEquals(200, post(message("msg-3", " how do I build the docs?")).statusCode());

        Escalation escalation = fixture.escalations.next();
        assertEquals("how do I build the docs?", escalation.question());
        assertEquals("cidAbCdEf0123456789=", escalation.askers().get(0).chat());
        assertEquals("0123456789", escalation.askers().get(0).user().id());

        fixture.answer(escalation.id(), "运行 `mvn site` 即可。");
        JsonNode body = fixture.api.next(SESSION_PATH).json();
        assertTrue(body.at("/markdown/text").asText().startsWith("@0123456789 运行 mvn site 即可。"), body.toString());
        assertEquals("0123456789", body.at("/at/atUserIds/0").asText());
    }

    @Test
    void announcesIntoTheChatWithoutReplyingToAnything() throws Exception {
        fixture.api.on("/v1.0/oauth2/accessToken", "{\"accessToken\":\"tok-1\",\"expireIn\":7200}")
                .on("/v1.0/robot/groupMessages/send", "{\"processQueryKey\":\"q-1\"}");
        DingTalkConnector connector = start();
        // the group has spoken to the robot, so its session webhook is at hand
        assertEquals(200, post(message("msg-6", " raft 能跨机房部署吗")).statusCode());
        fixture.api.next(SESSION_PATH);

        connector.sender().send(OutboundMessage.post(Platform.DINGTALK, "cidAbCdEf0123456789=", null,
                "New question #7", OutboundMessage.Author.BOT, "announce-7-1")).get(10, TimeUnit.SECONDS);
        connector.sender().send(OutboundMessage.post(Platform.DINGTALK, "cidMaintainers", null,
                "New question #8", OutboundMessage.Author.BOT, "announce-8-1")).get(10, TimeUnit.SECONDS);

        JsonNode inSession = fixture.api.next(SESSION_PATH).json();
        assertEquals("New question #7", inSession.at("/markdown/text").asText());
        assertFalse(inSession.at("/at").has("atUserIds"), "mentions no one: " + inSession);
        JsonNode byOpenApi = fixture.api.next("/v1.0/robot/groupMessages/send").json();
        assertEquals("cidMaintainers", byOpenApi.get("openConversationId").asText());
        assertFalse(byOpenApi.has("userIds"), byOpenApi.toString());
        assertEquals("New question #8", JSON.readTree(byOpenApi.get("msgParam").asText()).get("text").asText());
    }

    @Test
    void answersARedeliveredMessageOnlyOnce() throws Exception {
        start();
        String first = message("msg-4", " raft 能跨机房部署吗");

        assertEquals(200, post(first).statusCode());
        fixture.api.next(SESSION_PATH);
        assertEquals(200, post(first).statusCode());
        // another asker: the same one would be inside the pipeline's cooldown
        assertEquals(200, post(message("msg-5", " 跨机房 raft 怎么部署").replace("0123456789", "9876543210")).statusCode());
        fixture.api.next(SESSION_PATH);

        assertEquals(2, fixture.api.all(SESSION_PATH).size());
    }

    @Test
    void refusesABadSignatureWithA401AndDoesNothingElse() throws Exception {
        start();

        HttpResponse<String> response = post(message("msg-6", " raft 能跨机房部署吗"), now,
                sdkSign(Long.toString(now), "another-secret"));

        assertEquals(401, response.statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesATimestampMoreThanAnHourAwayEvenWhenItIsSignedCorrectly() throws Exception {
        start();
        long stale = now - Duration.ofMinutes(61).toMillis();

        HttpResponse<String> response = post(message("msg-7", " raft 能跨机房部署吗"), stale,
                sdkSign(Long.toString(stale), APP_SECRET));

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("outside the allowed window"), response.body());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesAnObservedTimestampAndSignWithAnotherBodySoTheAnswerStillReachesTheAsker() throws Exception {
        start();
        String sign = sdkSign(Long.toString(now), APP_SECRET);
        // the probe's forgery: the same pair, another sender, the attacker's webhook for ten years
        String forged = message("msg-evil", " raft 能跨机房部署吗")
                .replace("\"senderStaffId\":\"0123456789\"", "\"senderStaffId\":\"6666\"")
                .replace(fixture.api.url() + "/robot/sendBySession?session=0f1e2d3c", "http://127.0.0.1:9/attacker")
                .replace(Long.toString(now + 5_400_000), Long.toString(now + Duration.ofDays(3650).toMillis()));

        assertEquals(200, post(message("msg-9", " raft 能跨机房部署吗"), now, sign).statusCode());
        HttpResponse<String> replayed = post(forged, now, sign);

        assertEquals(401, replayed.statusCode());
        assertTrue(replayed.body().contains("already used"), replayed.body());
        assertEquals("0f1e2d3c", fixture.api.next(SESSION_PATH).queryParameter("session"));
        assertEquals(1, fixture.matcher.calls());
    }

    @Test
    void acceptsTheSamePairWithTheSameBodyAsTheRedeliveryItIsAndAnswersOnce() throws Exception {
        start();
        String first = message("msg-10", " raft 能跨机房部署吗");
        String sign = sdkSign(Long.toString(now), APP_SECRET);

        assertEquals(200, post(first, now, sign).statusCode());
        assertEquals(200, post(first, now, sign).statusCode());

        fixture.api.next(SESSION_PATH);
        assertEquals(1, fixture.matcher.calls());
    }

    @Test
    void neverPostsToASessionWebhookOutsideDingTalksOrTheConfiguredApisOrigin() throws Exception {
        fixture.api.on("/v1.0/oauth2/accessToken", "{\"accessToken\":\"tok-1\",\"expireIn\":7200}")
                .on("/v1.0/robot/groupMessages/send", "{\"processQueryKey\":\"q-1\"}");
        start();
        String elsewhere = message("msg-11", " raft 能跨机房部署吗")
                .replace(fixture.api.url() + "/robot/sendBySession?session=0f1e2d3c",
                        "http://" + fixture.api.url().getHost() + ":9/robot/sendBySession?session=0f1e2d3c");

        assertEquals(200, post(elsewhere).statusCode());

        JsonNode byOpenApi = fixture.api.next("/v1.0/robot/groupMessages/send").json();
        assertEquals("cidAbCdEf0123456789=", byOpenApi.get("openConversationId").asText());
        assertTrue(fixture.api.all(SESSION_PATH).isEmpty());
    }

    @Test
    void aSessionWebhookOnDingTalksHostIsDingTalksWhateverTheCaseOfItsLettersOrAnExplicitPort() {
        // host names are case-insensitive: the fuzzer's oapi.diNgtalk.com is DingTalk's own host
        assertEquals(DingTalkReplies.Origin.of(DingTalkReplies.DINGTALK_SESSIONS),
                DingTalkReplies.Origin.of(URI.create("https://oapi.diNgtalk.com:443/robot/sendBySession?session=0f1e2d3c")));
        assertNotEquals(DingTalkReplies.Origin.of(DingTalkReplies.DINGTALK_SESSIONS),
                DingTalkReplies.Origin.of(URI.create("https://oapi.dingtalk.com.example.net/robot/sendBySession")));
    }

    @Test
    void aLaterMessageNeverMovesAConversationsSessionWebhookToAnotherHost() throws Exception {
        start();
        assertEquals(200, post(message("msg-12", " raft 能跨机房部署吗")).statusCode());
        fixture.api.next(SESSION_PATH);
        // DingTalk's own origin, but not where this conversation's session lives, and a later expiry
        String moved = message("msg-13", " 跨机房 raft 怎么部署")
                .replace("\"senderStaffId\":\"0123456789\"", "\"senderStaffId\":\"9876543210\"")
                .replace(fixture.api.url() + "/robot/sendBySession?session=0f1e2d3c",
                        "https://oapi.dingtalk.com/robot/sendBySession?session=elsewhere")
                .replace(Long.toString(now + 5_400_000), Long.toString(now + 5_900_000));

        assertEquals(200, post(moved).statusCode());

        assertEquals("0f1e2d3c", fixture.api.next(SESSION_PATH).queryParameter("session"));
    }

    @Test
    void refusesACorrectlySignedRequest2To63SecondsOldOrAtTheEndsOfTheNumberRange() throws Exception {
        start();
        String twoTo63SecondsAgo = java.math.BigInteger.valueOf(now)
                .subtract(java.math.BigInteger.TWO.pow(63).multiply(java.math.BigInteger.valueOf(1000))).toString();
        for (String stamp : new String[] {twoTo63SecondsAgo, Long.toString(now + Long.MIN_VALUE),
                Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE)}) {
            HttpRequest request = fixture.request(DingTalkConnector.PATH)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("timestamp", stamp)
                    .header("sign", new DingTalkSignature(Secret.of(APP_SECRET)).sign(stamp))
                    .POST(HttpRequest.BodyPublishers.ofString(message("msg-old", " raft 能跨机房部署吗"), StandardCharsets.UTF_8))
                    .build();

            HttpResponse<String> response = fixture.send(request);

            assertEquals(401, response.statusCode(), stamp + ": " + response.body());
        }
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void refusesACallbackWithoutSignatureHeaders() throws Exception {
        start();

        assertEquals(401, post(message("msg-8", " raft 能跨机房部署吗"), 0, null).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void acknowledgesButIgnoresMessagesThatAreNotText() throws Exception {
        start();
        String picture = message("msg-9", "x").replace("\"msgtype\":\"text\"", "\"msgtype\":\"picture\"");

        assertEquals(200, post(picture).statusCode());
        assertEquals(0, fixture.matcher.calls());
    }

    @Test
    void hasNoRouteInStreamMode() {
        DingTalkConfig config = new DingTalkConfig("k", Secret.of("s"), "k", URI.create("https://api.dingtalk.com"),
                DingTalkConfig.Mode.STREAM, Optional.empty(), Optional.empty());
        assertTrue(new DingTalkConnector(config, fixture.pipeline, fixture.outbound, fixture.clock).routes().isEmpty());
    }
}
