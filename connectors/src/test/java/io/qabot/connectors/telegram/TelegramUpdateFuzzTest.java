package io.qabot.connectors.telegram;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.Secret;
import io.qabot.config.TelegramConfig;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Timeout;

/**
 * Any update body behind the right {@code X-Telegram-Bot-Api-Secret-Token}: the webhook route
 * answers 200 or a 400 with a JSON reason, and the update decoder ({@link TelegramUpdate#read},
 * which the route runs only after getMe, asynchronously) is also called directly, so every
 * JSON object gets a message or an ignore reason, never an exception. Seeds: the golden
 * updates in {@code src/test/resources/telegram/}.
 */
class TelegramUpdateFuzzTest {
    private static final String SECRET_TOKEN = "fuzz-secret_token-1";
    private static final BotIdentity BOT = new BotIdentity(4242, "qabot_bot");

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyUpdateIsAnsweredOrRefusedWithAReason(byte[] body) {
        var connector = new TelegramConnector(new TelegramConfig(Secret.of("42:fuzz"), Optional.of(Secret.of(SECRET_TOKEN)),
                FuzzedPlatform.api(), TelegramConfig.Mode.WEBHOOK), FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT,
                FuzzedPlatform.CLOCK, delay -> CompletableFuture.completedFuture(null), Duration.ofSeconds(1));
        var headers = FuzzRequests.with(FuzzRequests.headers(), TelegramConnector.SECRET_HEADER, SECRET_TOKEN);

        var response = RouteContract.answersOrRefusesWithAReason(connector.routes().get(0),
                FuzzRequests.post(TelegramConnector.PATH, headers, body));
        RouteContract.assertNotRefusedAsUnsigned(response);

        JsonNode update;
        try {
            update = TelegramBotApi.JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        if (update != null && update.isObject()) {
            assertNotNull(TelegramUpdate.read(update, BOT));
        }
    }
}
