package io.qabot.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts under a running bot: /readyz reports the outage while it lasts (quickly,
 * without holding an I/O thread on the dead database), the bot reconnects by itself, and what
 * was stored before the restart is still there.
 */
class PostgresRestartTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path postgresData;

    @Test
    void readinessReportsTheOutageAndTheBotReconnectsWhenPostgresComesBack() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
             BotFixture bot = BotFixture.start(BotFixture.environment(dataDir, Optional.of(url), chat.url()))) {
            assertEquals(200, bot.client.send("GET", "/readyz", null, null).statusCode());
            long id = bot.client.say("group-1", "t-1", "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();

            postgres.close();
            Eventually.await(Duration.ofSeconds(20), "/readyz reports the outage",
                    () -> bot.client.send("GET", "/readyz", null, null).statusCode(), status -> status == 503);
            long asked = System.nanoTime();
            assertEquals(200, bot.client.send("GET", "/healthz", null, null).statusCode(), "the process still serves");
            assertTrue(System.nanoTime() - asked < Duration.ofSeconds(2).toNanos(), "no request waits on the dead database");

            postgres = start(port);
            Eventually.await(Duration.ofSeconds(30), "/readyz reports ready again",
                    () -> bot.client.send("GET", "/readyz", null, null).statusCode(), status -> status == 200);
            String open = Eventually.await(Duration.ofSeconds(30), "the queue is read from the restarted database",
                    () -> bot.client.admin("GET", "/api/v1/escalations?status=open", null),
                    response -> response.statusCode() == 200).body();
            assertTrue(open.contains("\"id\":" + id), open);
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(postgresData)
                .setCleanDataDirectory(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
