package io.qabot.connectors.discord;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.DiscordConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Timeout;

/**
 * Any JSON object as the {@code d} of a Gateway {@code MESSAGE_CREATE} and
 * {@code MESSAGE_REACTION_ADD}: the connector takes it or ignores it with a reason, and never
 * throws (the Gateway would log the exception and drop the event, a crash in all but name). The
 * readers are also called directly: each gives a message (a reaction) or a reason. Seeds: the
 * golden {@code message_create_mention.json}, a 👎 on the bot's answer, and the findings.
 */
class DiscordDispatchFuzzTest {
    private static final String BOT = "1220000000000000005";
    private static final DiscordConnector CONNECTOR = connector();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyDispatchIsTakenOrIgnoredWithAReason(byte[] body) {
        FuzzedPlatform.api();   // allows the connections to the API stand-in for this input
        JsonNode d;
        try {
            d = DiscordRestApi.JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        if (d == null || !d.isObject()) {
            return;
        }
        assertNotNull(DiscordMessage.read(d, BOT));
        assertNotNull(DiscordMessage.read(d, null));
        assertNotNull(DiscordReaction.read(d, BOT, FuzzedPlatform.NOW));
        assertNotNull(DiscordReaction.read(d, null, FuzzedPlatform.NOW));
        CONNECTOR.dispatch("MESSAGE_CREATE", d);
        CONNECTOR.dispatch("MESSAGE_REACTION_ADD", d);
    }

    private static DiscordConnector connector() {
        // never started: the dispatches come from the target, not from a Gateway
        return new DiscordConnector(new DiscordConfig(Optional.empty(), Secret.of("fuzz-bot-token"),
                FuzzedPlatform.api(), URI.create("ws://127.0.0.1:9/")), FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT,
                FuzzedPlatform.CLOCK, Duration.ofSeconds(1), delay -> CompletableFuture.completedFuture(null));
    }
}
