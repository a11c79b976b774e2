package io.qabot.admin.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.core.Pipeline;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/ask} served by a real qabot server on a loopback port. */
class AskRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private QabotServer server;
    private int port;

    @BeforeEach
    void serve() throws InterruptedException {
        Pipeline pipeline = Pipeline.builder(new KeywordMatcher(), new InMemoryEscalationQueue(Clock.systemUTC()),
                Runnable::run).build();
        server = new QabotServer(HttpServerOptions.defaults().withHost("127.0.0.1").withPort(0), () -> true,
                List.of(new AskRoute(pipeline)));
        port = server.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        server.close();
    }

    private HttpResponse<String> ask(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ask"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void answersAskWithTheAskObjectAddressedToNoOne() throws Exception {
        HttpResponse<String> response = ask("{\"text\": \"raft 能跨机房部署吗\"}");

        JsonNode body = JSON.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("answer", body.get("decision").asText());
        assertTrue(body.get("reply").asText().startsWith("跨机房不需要特殊支持"), body.get("reply").asText());
        assertEquals("SOFA Weekly | 每周精选【10/28 - 11/01】", body.get("source").get("title").asText());
        assertFalse(body.has("in_reply_to"));
    }

    @Test
    void refusesABodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        String question = "{\"id\": 1, \"text\": \"raft 能跨机房部署吗\"}";
        assertEquals(200, ask(question).statusCode());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ask"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(PaddedNames.withPaddedName(question, "id"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        // this route is not signed: anyone's bytes reach it
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("body is not UTF-8 (byte 0xFF at offset 2)", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void refusesAskWithoutText() throws Exception {
        HttpResponse<String> response = ask("{\"question\": \"raft\"}");

        assertEquals(400, response.statusCode());
        assertEquals("missing field: text (a string)", JSON.readTree(response.body()).get("error").asText());
    }
}
