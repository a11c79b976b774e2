package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.port: /metrics alone on a port of its own (token still asked for), 404 on the main port; unset, unchanged. */
class MetricsPortTest {
    private static final String TOKEN = "scrape-me";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void withAMetricsPortMetricsAreServedThereAloneAndNotOnTheMainPort() throws Exception {
        int mainPort = freePort();
        int metricsPort = freePort();
        Serving serving = serve(Map.of("QABOT_HTTP_PORT", String.valueOf(mainPort),
                "QABOT_METRICS_PORT", String.valueOf(metricsPort), "QABOT_METRICS_TOKEN", TOKEN));
        try {
            HttpResponse<String> scraped = get(metricsPort, "/metrics", TOKEN);
            assertEquals(200, scraped.statusCode(), scraped.body());
            assertTrue(scraped.body().contains("# TYPE"), scraped.body());
            assertEquals(401, get(metricsPort, "/metrics", null).statusCode());
            assertEquals(404, get(metricsPort, "/healthz", null).statusCode(), "the metrics port serves /metrics only");
            assertEquals(404, get(metricsPort, "/api/v1/ask", null).statusCode(), "the metrics port serves /metrics only");

            assertEquals(404, get(mainPort, "/metrics", TOKEN).statusCode());
            assertEquals(200, get(mainPort, "/healthz", null).statusCode());
        } finally {
            serving.close();
        }
        assertThrows(ConnectException.class, () -> get(metricsPort, "/metrics", TOKEN), "still listening after shutdown");
    }

    @Test
    void withoutAMetricsPortMetricsStayOnTheMainPort() throws Exception {
        int mainPort = freePort();
        try (Serving serving = serve(Map.of("QABOT_HTTP_PORT", String.valueOf(mainPort)))) {
            HttpResponse<String> scraped = get(serving.port(), "/metrics", null);
            assertEquals(200, scraped.statusCode(), scraped.body());
            assertTrue(scraped.body().contains("# TYPE"), scraped.body());
        }
    }

    private Serving serve(Map<String, String> settings) throws InterruptedException {
        Map<String, String> env = new HashMap<>(settings);
        env.put("QABOT_DATA_DIR", dataDir.toString());
        QabotConfig config = ConfigLoader.load(Optional.empty(), env);
        ServeCommand serve = new ServeCommand(new KnowledgeSources(new KnowledgeReader()),
                new Configuration(env, warning -> { }));
        return serve.start(config, Clock.systemUTC(), BotFixture.FAST);
    }

    private HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port free a moment ago (the setting must name one; 0 is not a port number there). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
