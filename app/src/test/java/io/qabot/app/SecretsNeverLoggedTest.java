package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds secrets through a running bot at DEBUG (configured secrets, outbound calls that fail,
 * signed requests with wrong signatures, admin calls with wrong tokens) and greps everything
 * logged, as text and as JSON, for them. Also: each line about a message carries its id.
 */
class SecretsNeverLoggedTest {
    private static final String ADMIN_TOKEN = "admin-token-s3cr3t-1";
    private static final String WEBHOOK_SECRET = "webhook-key-s3cr3t-2";
    private static final String SLACK_SIGNING = "slack-signing-s3cr3t-3";
    private static final String SLACK_BOT = "xoxb-slack-bot-s3cr3t-4";
    private static final String TELEGRAM_BOT = "123456:telegram-bot-s3cr3t-5";
    private static final String TELEGRAM_HEADER = "telegram-header-s3cr3t-6";
    private static final String DB_PASSWORD = "db-password-s3cr3t-7";
    private static final String GIT_TOKEN = "git-token-s3cr3t-8";
    private static final String WRONG_TOKEN = "wrong-admin-token-s3cr3t-9";
    private static final String WRONG_KEY = "wrong-webhook-key-s3cr3t-10";
    private static final List<String> SECRETS = List.of(ADMIN_TOKEN, WEBHOOK_SECRET, SLACK_SIGNING, SLACK_BOT,
            TELEGRAM_BOT, "telegram-bot-s3cr3t-5", TELEGRAM_HEADER, DB_PASSWORD, GIT_TOKEN, WRONG_TOKEN, WRONG_KEY);

    @TempDir
    Path dataDir;

    @Test
    void noSecretEverReachesTheLogAndLinesAboutAMessageCarryItsId() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QABOT_DATA_DIR", dataDir.toString());
        env.put("QABOT_DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("qabot").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;USER=qabot;PASSWORD=" + DB_PASSWORD);
        env.put("QABOT_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("QABOT_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("QABOT_WEBHOOK_CALLBACK_URL", "http://127.0.0.1:9/callback");
        env.put("QABOT_CONNECTORS_SLACK_SIGNING_SECRET", SLACK_SIGNING);
        env.put("QABOT_CONNECTORS_SLACK_BOT_TOKEN", SLACK_BOT);
        env.put("QABOT_CONNECTORS_SLACK_API_URL", "http://127.0.0.1:9/api");
        env.put("QABOT_CONNECTORS_TELEGRAM_BOT_TOKEN", TELEGRAM_BOT);
        env.put("QABOT_CONNECTORS_TELEGRAM_SECRET_TOKEN", TELEGRAM_HEADER);
        env.put("QABOT_CONNECTORS_TELEGRAM_API_URL", "http://127.0.0.1:9");
        env.put("QABOT_KNOWLEDGE_GIT_URL", "http://qabot:" + GIT_TOKEN + "@127.0.0.1:9/site.git");

        String text;
        String json;
        String messageId;
        try (LogCapture log = new LogCapture(); BotFixture bot = BotFixture.start(env)) {
            WebhookClient right = new WebhookClient(bot.port(), WEBHOOK_SECRET, ADMIN_TOKEN);
            WebhookClient wrong = new WebhookClient(bot.port(), WRONG_KEY, WRONG_TOKEN);

            messageId = right.say("group-42", null, "u7", "How do I run qabot?").path("in_reply_to").asText();
            right.say("group-42", null, "u8", "How do I tune the JVM garbage collector for qabot on ARM?");
            try {
                wrong.say("group-42", null, "u7", "How do I run qabot?");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("401"), expected.getMessage());
            }
            for (String[] route : AdminAuthTest.ADMIN_ROUTES) {
                assertEquals(401, wrong.send(route[0], route[1], route[2], WRONG_TOKEN).statusCode(), route[1]);
            }
            HttpResponse<String> slack = right.send("POST", "/hooks/slack", "{\"type\": \"url_verification\"}", null);
            assertEquals(401, slack.statusCode(), slack.body());
            HttpResponse<String> telegram = right.send("POST", "/hooks/telegram", "{\"update_id\": 1}", WRONG_TOKEN);
            assertEquals(401, telegram.statusCode(), telegram.body());
            assertEquals(200, right.admin("POST", "/api/v1/knowledge/reload", null).statusCode());
            text = log.text();
            json = log.json();
        }

        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "the log shows " + secret + ":\n" + linesWith(text, secret));
            assertFalse(json.contains(secret), "the JSON log shows " + secret + ":\n" + linesWith(json, secret));
        }
        String tag = "[webhook/" + messageId + "]";
        assertTrue(text.lines().anyMatch(line -> line.contains(tag) && line.contains("message from u7")),
                "a line about the message carries its id " + tag + ":\n" + linesWith(text, "webhook/"));
        // logback's JSON escapes the slash: "webhook\/m-1"
        assertTrue(Pattern.compile("\"mdc\":\\s*\\{[^}]*\"msg\":\\s*\"webhook\\\\?/" + Pattern.quote(messageId) + "\"")
                .matcher(json).find(), "the JSON log carries it in the MDC:\n" + linesWith(json, messageId));
    }

    private static String linesWith(String log, String needle) {
        StringBuilder lines = new StringBuilder();
        Matcher line = Pattern.compile("(?m)^.*" + Pattern.quote(needle) + ".*$").matcher(log);
        while (line.find()) {
            lines.append(line.group()).append('\n');
        }
        return lines.toString();
    }
}
