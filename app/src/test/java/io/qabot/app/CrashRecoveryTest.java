package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.app.CallbackReceiver.Callback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot is killed (SIGKILL, no shutdown hooks) after a maintainer's answer was recorded and
 * while its delivery is on the wire; a fresh process over the same embedded store delivers it,
 * and each asker ends up with exactly one accepted copy.
 */
class CrashRecoveryTest {
    @TempDir
    Path dataDir;
    private final BotProcesses bots = new BotProcesses();

    @AfterEach
    void killLeftovers() {
        bots.close();
    }

    @Test
    void aKilledBotDeliversEachAnswerExactlyOnceAfterRestart() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.HOLD)) {
            Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), chat.url());
            env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM"); // only the askers' deliveries on the wire
            env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT");

            int firstPort = BotProcesses.freePort();
            Process first = bots.serve(env, firstPort, "crash-recovery-first");
            WebhookClient before = new WebhookClient(firstPort, BotFixture.SECRET, BotFixture.TOKEN);
            BotProcesses.awaitReady(before, first);
            long id = before.say("group-42", "t-1", "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
            assertEquals(id, before.say("group-42", "t-2", "u2", "jraft 能不能跨机房部署？").path("escalation").asLong());
            WebhookClient.json(before.admin("POST", "/api/v1/escalations/" + id + "/answer",
                    WebhookClient.answerBody("跨机房不需要特殊支持。", "alice")));
            // answered and committed; the first delivery is now on the wire, held by the platform
            Callback inFlight = Eventually.await(Duration.ofSeconds(20), "a delivery on the wire",
                    chat::seen, seen -> !seen.isEmpty()).get(0);

            BotProcesses.kill(first);
            chat.mode(CallbackReceiver.Mode.ACCEPT);

            int secondPort = BotProcesses.freePort();
            Process second = bots.serve(env, secondPort, "crash-recovery-second");
            WebhookClient after = new WebhookClient(secondPort, BotFixture.SECRET, BotFixture.TOKEN);
            BotProcesses.awaitReady(after, second);
            Eventually.await(Duration.ofSeconds(30), "both deliveries recorded as sent after the restart",
                    () -> WebhookClient.json(after.admin("GET", "/api/v1/escalations/" + id, null)).path("deliveries"),
                    d -> d.size() == 2 && d.path(0).path("state").asText().equals("sent")
                            && d.path(1).path("state").asText().equals("sent"));

            List<Callback> accepted = chat.acceptedIn("group-42");
            assertEquals(List.of("u1", "u2"), accepted.stream().map(Callback::user).sorted().toList(),
                    "each asker exactly once");
            assertEquals(2, accepted.stream().map(Callback::key).distinct().count());
            assertTrue(accepted.stream().anyMatch(c -> c.key().equals(inFlight.key())),
                    "the resend of the interrupted delivery carries its idempotency key, so a bridge can drop a duplicate");
            assertEquals("answered", WebhookClient.json(after.admin("GET", "/api/v1/escalations/" + id, null))
                    .path("status").asText());
        }
    }
}
