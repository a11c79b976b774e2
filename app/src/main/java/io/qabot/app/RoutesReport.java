package io.qabot.app;

import io.qabot.config.Platform;
import io.qabot.config.QabotConfig;
import io.qabot.connectors.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What {@code serve} logs at start-up about its routes: which are on, which are off and what
 * turns them on, so that a 404 from the webhook or a 503 from the admin API is explained in
 * the log before anyone meets it.
 */
final class RoutesReport {
    private RoutesReport() {
    }

    /** One line each: the open ask route, the webhook, the admin API, the connectors, the probes. */
    static List<String> lines(QabotConfig config, List<Route> routes) {
        List<String> lines = new ArrayList<>();
        lines.add("route POST /api/v1/ask: on, open to anyone who reaches " + config.http().host() + " (no token)");
        if (config.webhook().secret().isPresent()) {
            lines.add("route POST /hooks/webhook: on, signed with webhook.secret"
                    + config.webhook().callbackUrl().map(url -> "; later answers go to webhook.callbackUrl")
                    .orElse("; no webhook.callbackUrl, so maintainers' answers cannot reach webhook chats"));
        } else {
            lines.add("route POST /hooks/webhook: off (answers 404): no webhook.secret (QABOT_WEBHOOK_SECRET)");
        }
        lines.add(config.adminToken().isPresent()
                ? "routes /api/v1/escalations, /api/v1/stats, /api/v1/digest, … and the dashboard /: on, with the admin token"
                : "routes /api/v1/escalations, /api/v1/stats, /api/v1/digest, … and the dashboard /: off (answer 503): "
                        + "no adminToken (QABOT_ADMIN_TOKEN)");
        TreeSet<String> off = new TreeSet<>();
        for (Platform platform : Platform.values()) {
            String name = platform.configName();
            if (platform == Platform.WEBHOOK) {
                continue;
            }
            if (!on(config, platform)) {
                off.add(name);
                continue;
            }
            List<String> hooks = routes.stream().filter(r -> r.path().equals("/hooks/" + name))
                    .map(r -> r.method() + " " + r.path()).distinct().toList();
            lines.add("connector " + name + ": on" + (hooks.isEmpty()
                    ? ", no route (it connects out: " + (platform == Platform.IRC ? "IRC" : "gateway, stream or polling") + ")"
                    : ", " + String.join(" and ", hooks)));
        }
        if (!off.isEmpty()) {
            lines.add("connectors off (no connectors.<name> section or QABOT_CONNECTORS_<NAME>_… variable): "
                    + String.join(", ", off));
        }
        lines.add("routes GET /healthz, /readyz, /metrics: on");
        return lines;
    }

    private static boolean on(QabotConfig config, Platform platform) {
        return config.connectors().enabled().contains(platform);
    }
}
