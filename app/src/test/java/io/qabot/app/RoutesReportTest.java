package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qabot.config.ConfigLoader;
import io.qabot.config.QabotConfig;
import io.qabot.connectors.http.Route;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** serve's start-up log says which routes are on, which are off, and what turns them on. */
class RoutesReportTest {
    @Test
    void onTheDefaultsTheLogSaysWhyTheWebhookIs404AndTheAdminApi503() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of());

        assertEquals(List.of(
                "route POST /api/v1/ask: on, open to anyone who reaches 127.0.0.1 (no token)",
                "route POST /hooks/webhook: off (answers 404): no webhook.secret (QABOT_WEBHOOK_SECRET)",
                "routes /api/v1/escalations, /api/v1/stats, /api/v1/digest, … and the dashboard /: off (answer 503): "
                        + "no adminToken (QABOT_ADMIN_TOKEN)",
                "connectors off (no connectors.<name> section or QABOT_CONNECTORS_<NAME>_… variable): "
                        + "dingtalk, discord, feishu, irc, slack, telegram, wechat, wecom",
                "routes GET /healthz, /readyz, /metrics: on"), RoutesReport.lines(config, List.of()));
    }

    @Test
    void configuredRoutesAreOnWithTheirPaths() {
        QabotConfig config = ConfigLoader.load(Optional.empty(), Map.of("QABOT_WEBHOOK_SECRET", "s",
                "QABOT_ADMIN_TOKEN", "t", "QABOT_CONNECTORS_SLACK_SIGNING_SECRET", "x",
                "QABOT_CONNECTORS_SLACK_BOT_TOKEN", "xoxb-1", "QABOT_CONNECTORS_IRC_SERVER", "irc.example.org",
                "QABOT_CONNECTORS_IRC_CHANNELS", "#a"));

        List<String> lines = RoutesReport.lines(config, List.of(Route.of(HttpMethod.POST, "/hooks/slack", "slack events", r -> null)));

        assertEquals("route POST /hooks/webhook: on, signed with webhook.secret; no webhook.callbackUrl, so maintainers' "
                + "answers cannot reach webhook chats", lines.get(1));
        assertEquals("routes /api/v1/escalations, /api/v1/stats, /api/v1/digest, … and the dashboard /: on, with the admin token",
                lines.get(2));
        assertEquals("connector slack: on, POST /hooks/slack", lines.get(3));
        assertEquals("connector irc: on, no route (it connects out: IRC)", lines.get(4));
    }
}
