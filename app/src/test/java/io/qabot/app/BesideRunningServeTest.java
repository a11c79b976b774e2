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
}
