package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a maintainer and an operator meet in their first hour with a real {@code qabot serve}
 * process running on the defaults (the embedded store): its JSON log, and the commands run
 * beside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BesideRunningServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG = "beside-running-serve";

    private final BotProcesses bots = new BotProcesses();
    private Path dataDir;
    private Map<String, String> env;
    private Process serve;
    private WebhookClient client;

    @BeforeAll
    void startServe() throws Exception {
        dataDir = Files.createTempDirectory("qabot-beside");
        env = BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/unused");
        env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM");
        env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT");
        env.put("QABOT_LOG_FORMAT", "json");
        env.put("QABOT_LOG_LEVEL", "INFO");
        int port = BotProcesses.freePort();
        env.put("QABOT_HTTP_PORT", Integer.toString(port));
        serve = bots.serve(env, port, LOG);
        client = new WebhookClient(port, BotFixture.SECRET, BotFixture.TOKEN);
        BotProcesses.awaitReady(client, serve);
    }

    @AfterAll
    void stopServe() {
        bots.close();
    }

    @Test
    void theJsonLogCarriesEachLineAsTextReadsItAndTheLoggingVariablesAreNotCalledUnknown() throws Exception {
        String log = BotProcesses.awaitLogLine(LOG, serve, "qabot is serving on");
        List<JsonNode> lines = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : log.lines().toList()) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            } else {
                other.add(line);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("formattedMessage").asText()
                        .equals("listening on 127.0.0.1:" + env.get("QABOT_HTTP_PORT"))),
                "the listening line names the address: " + log);
        assertTrue(lines.stream().noneMatch(l -> l.path("formattedMessage").asText().contains("{}")),
                "no line shows an unfilled template: " + log);
        assertTrue(other.stream().noneMatch(l -> l.contains("QABOT_LOG_")), "no warning about the logging variables: " + other);
    }

    @Test
    void digestAndStatsWorkBesideARunningServeOnTheEmbeddedStore() throws Exception {
        long id = client.say("group-42", "t-beside", "u-beside", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
        assertTrue(id > 0);
        WebhookClient.json(client.admin("POST", "/api/v1/escalations/" + id + "/answer",
                WebhookClient.answerBody("跨机房不需要特殊支持，只是网络延时大一点。", "alice")));
        String today = java.time.LocalDate.now(java.time.ZoneId.systemDefault()).toString();

        Run digest = run(env, "digest", "--since", today);
        assertEquals(0, digest.status, digest.err);
        assertTrue(digest.out.startsWith(WeeklyDigestWriter.HEADING), digest.out);
        assertTrue(digest.out.contains("> SOFAJRaft 支持跨机房部署吗？") && digest.out.contains("A：跨机房不需要特殊支持"),
                digest.out);

        // the question log is written on a timer: stats sees the asked question once it is flushed
        JsonNode stats = Eventually.await(java.time.Duration.ofSeconds(20), "stats beside serve counts the question",
                () -> {
                    Run run = run(env, "stats");
                    assertEquals(0, run.status, run.err);
                    return JSON.readTree(run.out);
                }, json -> json.path("questions").asLong() >= 1);
        assertTrue(stats.has("answerRate"), stats.toString());

        Map<String, String> noToken = new HashMap<>(env);
        noToken.remove("QABOT_ADMIN_TOKEN");
        Run refused = run(noToken, "digest", "--since", today);
        assertEquals(2, refused.status);
        assertEquals("qabot: digest: the store in " + dataDir + " is in use by a running qabot serve; set QABOT_ADMIN_TOKEN"
                + " as serve has it, so digest asks serve at http://127.0.0.1:" + env.get("QABOT_HTTP_PORT")
                + ", or stop serve", refused.err.strip());

        Map<String, String> wrongToken = new HashMap<>(env);
        wrongToken.put("QABOT_ADMIN_TOKEN", "not-the-token");
        Run wrong = run(wrongToken, "stats");
        assertEquals(2, wrong.status);
        assertTrue(wrong.err.contains("refused the admin token (401)"), wrong.err);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = Main.run(List.of(args), environment, new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
