package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;
import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.ingest.KnowledgeReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} binds its port before it reads the knowledge: while loading, an orchestrator
 * sees {@code /healthz} 200 and {@code /readyz} 503 "loading" instead of a refused connection,
 * and a platform's event gets 503 with Retry-After (platforms redeliver). A port in use stops
 * start-up at once with exit status 2 and one line naming the setting and the address.
 */
class StartUpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void whileTheKnowledgeLoadsReadyzSaysLoadingAndPlatformRoutesAskForARetry() throws Exception {
        int port = freePort();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KnowledgeSources held = new KnowledgeSources(new KnowledgeReader()) {
            @Override
            Corpus read(List<Path> paths) {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(paths);
            }
        };
        Map<String, String> env = Map.of("QABOT_DATA_DIR", tmp.toString(), "QABOT_HTTP_PORT", Integer.toString(port),
                "QABOT_WEBHOOK_SECRET", BotFixture.SECRET);
        QabotConfig config = ConfigLoader.load(Optional.empty(), env);
        ServeCommand serve = new ServeCommand(held, new Configuration(env, warning -> { }));
        CompletableFuture<Serving> started = CompletableFuture.supplyAsync(() -> {
            try {
                return serve.start(config, Clock.systemUTC(), BotFixture.FAST);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the knowledge was never read");

            assertEquals(200, get(port, "/healthz").statusCode());
            HttpResponse<String> readyz = get(port, "/readyz");
            assertEquals(503, readyz.statusCode());
            JsonNode progress = JSON.readTree(readyz.body());
            assertEquals("loading", progress.path("status").asText(), readyz.body());
            assertEquals("knowledge", progress.path("stage").asText(), readyz.body());
            assertTrue(progress.path("loading_ms").isIntegralNumber(), readyz.body());

            HttpResponse<String> event = post(port, "/hooks/webhook", "{\"id\":\"m-1\",\"chat\":\"c\",\"text\":\"hi\"}");
            assertEquals(503, event.statusCode(), event.body());
            assertEquals(Optional.of("5"), event.headers().firstValue("Retry-After"));
            assertEquals(503, post(port, "/api/v1/ask", "{\"text\":\"How do I run qabot?\"}").statusCode());

            release.countDown();
            try (Serving serving = started.get(60, TimeUnit.SECONDS)) {
                assertEquals(port, serving.port());
                HttpResponse<String> ready = get(port, "/readyz");
                assertEquals(200, ready.statusCode(), ready.body());
                HttpResponse<String> asked = post(port, "/api/v1/ask", "{\"text\":\"How do I run qabot?\"}");
                assertEquals(200, asked.statusCode(), asked.body());
                // no signature: the webhook's own answer, not the loading one
                assertEquals(401, post(port, "/hooks/webhook", "{\"id\":\"m-1\"}").statusCode());
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPortInUseStopsStartUpWithOneLineNamingTheSettingAndTheAddressBeforeTheKnowledgeIsRead() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            AtomicInteger reads = new AtomicInteger();
            KnowledgeSources counted = new KnowledgeSources(new KnowledgeReader()) {
                @Override
                Corpus read(List<Path> paths) {
                    reads.incrementAndGet();
                    return super.read(paths);
                }
            };
            Map<String, String> env = Map.of("QABOT_DATA_DIR", tmp.toString(), "QABOT_HTTP_PORT", Integer.toString(port));
            QabotConfig config = ConfigLoader.load(Optional.empty(), env);
            UsageException e = assertThrows(UsageException.class,
                    () -> new ServeCommand(counted, new Configuration(env, w -> { })).start(config, Clock.systemUTC(),
                            BotFixture.FAST));
            assertEquals("http.port: 127.0.0.1:" + port + " is already in use", e.getMessage());
            assertEquals(0, reads.get(), "the knowledge was read before the port was tried");

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(List.of("serve"), env, new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status);
            assertEquals("qabot: http.port: 127.0.0.1:" + port + " is already in use",
                    err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void aRestartTakesTheAnalysedKnowledgeFromTheDataDirAndADamagedFileIsReplaced() throws Exception {
        Map<String, String> env = BotFixture.environment(tmp, Optional.empty(), "http://127.0.0.1:9/unused");
        Path file = tmp.resolve(io.qabot.knowledge.IndexSnapshot.FILE_NAME);
        try (BotFixture first = BotFixture.start(env)) {
            assertTrue(java.nio.file.Files.size(file) > 0, "no index file after the first start");
        }
        String question = "How do I run qabot?";
        Path corpus = tmp.resolve(io.qabot.knowledge.CorpusSnapshot.FILE_NAME);
        assertTrue(java.nio.file.Files.size(corpus) > 0, "no corpus file after the first start");
        try (LogCapture log = new LogCapture(); BotFixture again = BotFixture.start(env)) {
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().matches(
                    "knowledge corpus: files unchanged, \\d+ items decoded .*")), "the restart parsed the files again");
            // decoded once: the start's second indexing (with the learned answers, none here) is the same index
            assertEquals(List.of(true), log.events().stream().map(e -> e.getFormattedMessage())
                    .filter(m -> m.startsWith("knowledge index: ")).map(m -> m.matches(
                            "knowledge index: index decoded, \\d+ items .*")).toList(), "the restart rebuilt the index");
            assertEquals("answer", again.client.ask(question).path("decision").asText());
        }
        for (Path damage : List.of(file, corpus)) {
            byte[] bytes = java.nio.file.Files.readAllBytes(damage);
            bytes[bytes.length / 2] ^= 1;
            java.nio.file.Files.write(damage, bytes);
        }
        try (LogCapture log = new LogCapture(); BotFixture damaged = BotFixture.start(env)) {
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().equals(
                    "knowledge corpus " + corpus + ": checksum mismatch; reading the knowledge files again")));
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().equals(
                    "knowledge index " + file + ": checksum mismatch; analysing the knowledge again")));
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().matches(
                    "knowledge index: 0 items reused, \\d+ analysed .*")));
            assertEquals("answer", damaged.client.ask(question).path("decision").asText());
        }
        assertEquals(null, io.qabot.knowledge.IndexSnapshot.read(file).problem(), "the damaged file was not replaced");
        assertEquals(null, io.qabot.knowledge.CorpusSnapshot.read(corpus).problem(), "the damaged corpus was not replaced");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
