package io.qabot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.Secret;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.json.PaddedNames;
import io.qabot.core.desk.EscalationStore;
import io.qabot.core.desk.LearnedAnswers;
import io.qabot.core.desk.LearnedKnowledge;
import io.qabot.core.desk.MaintainerDesk;
import io.qabot.knowledge.KnowledgeIndex;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the admin API reads the JSON bodies maintainers send, through a real server on loopback. */
class AdminJsonBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "admin-token-for-the-test";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private QabotServer server;
    private int port;

    @BeforeEach
    void serve() throws InterruptedException {
        // "Try it" (POST /api/v1/explain) asks only the knowledge: a real index over no items;
        // the store behind the other routes is never called here, and says so if it is
        MaintainerDesk desk = new MaintainerDesk(untouched(EscalationStore.class), untouched(LearnedAnswers.class),
                new LearnedKnowledge(List.of(), KnowledgeIndex.build(List.of()), untouched(LearnedAnswers.class),
                        KnowledgeIndex::build), () -> { });
        AdminRoutes admin = new AdminRoutes(desk, Optional.of(Secret.of(TOKEN)), executor, Clock.systemUTC());
        server = new QabotServer(HttpServerOptions.defaults().withHost("127.0.0.1").withPort(0), () -> true, admin.routes());
        port = server.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        server.close();
        executor.shutdownNow();
    }

    private HttpResponse<String> explain(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/explain"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesABodyThatIsNotUtf8EvenWhenJacksonWouldTakeItsNameForOneItHasSeen() throws Exception {
        String question = "{\"id\": 1, \"text\": \"raft 能跨机房部署吗\"}";
        HttpResponse<String> seen = explain(question.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, seen.statusCode(), seen.body());

        HttpResponse<String> response = explain(PaddedNames.withPaddedName(question, "id"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("body is not UTF-8 (byte 0xFF at offset 2)", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void refusesABodyThatIsNotAJsonObjectWithTheReason() throws Exception {
        HttpResponse<String> response = explain("[\"raft\"]".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("body must be a JSON object, not array", JSON.readTree(response.body()).get("error").asText());
    }

    /** A part of the desk this route must not reach: any call fails the test. */
    @SuppressWarnings("unchecked")
    private static <T> T untouched(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return "untouched(" + type.getSimpleName() + ")";
            }
            throw new AssertionError("POST /api/v1/explain reached " + type.getSimpleName() + "." + method.getName());
        });
    }
}
