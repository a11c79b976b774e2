package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.core.Rate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy} in the configuration decides how often the bot speaks in one chat. */
class ReplyPolicyTest {
    @TempDir
    Path dataDir;

    @Test
    void aChatGetsNoMoreRepliesAMinuteThanConfiguredAndAZeroCooldownAnswersEveryRepetition() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT)) {
            Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), chat.url());
            env.put("QABOT_POLICY_MAX_REPLIES_PER_MINUTE", "3");
            env.put("QABOT_POLICY_COOLDOWN", "0s");
            try (BotFixture bot = BotFixture.start(env)) {
                List<String> outcomes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    // the same asker, the same question: only the chat's rate stops the fourth
                    JsonNode response = bot.client.say("group-7", null, "u1", "How do I run qabot?");
                    outcomes.add(response.path("outcome").asText() + " " + response.path("reason").asText(""));
                }
                JsonNode elsewhere = bot.client.say("group-8", null, "u1", "How do I run qabot?");

                assertEquals(List.of("replied ", "replied ", "replied ", "silent rate_limited"), outcomes);
                assertEquals("replied", elsewhere.path("outcome").asText(), "another chat has its own allowance");
            }
        }
    }

    @Test
    void theConfiguredRateLowersAPlatformsOwnLimitButNeverRaisesIt() {
        Rate twentyAMinute = Rate.perMinute(20);

        assertEquals(twentyAMinute, ServeCommand.stricter(Rate.perSecond(1), twentyAMinute), "Slack's 60 a minute lowered");
        assertEquals(Rate.perMinute(20), ServeCommand.stricter(Rate.perMinute(20), Rate.perMinute(600)),
                "DingTalk's 20 a minute kept");
        assertEquals(new Rate(5, Duration.ofSeconds(5)), ServeCommand.stricter(new Rate(5, Duration.ofSeconds(5)),
                Rate.perMinute(100)), "Discord's 60 a minute kept under 100");
    }
}
