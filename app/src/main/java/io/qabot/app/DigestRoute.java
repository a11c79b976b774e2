package io.qabot.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qabot.admin.AdminRoutes;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/digest?since=DATE[&until=DATE][&unanswered=true]} (admin): the weekly
 * digest's markdown with its counts, for the dashboard's Digest tab and for {@code qabot digest}
 * run beside this bot.
 */
final class DigestRoute {
    private DigestRoute() {
    }

    static Route route(AdminRoutes admin, WeeklyDigest digest) {
        return admin.route(HttpMethod.GET, "/api/v1/digest", request -> {
            LocalDate since;
            Optional<LocalDate> until;
            try {
                since = WeeklyDigest.day("since", Optional.ofNullable(query(request, "since"))
                        .orElseThrow(() -> new UsageException("since is required, a date like 2026-11-01")));
                until = Optional.ofNullable(query(request, "until")).map(d -> WeeklyDigest.day("until", d));
            } catch (UsageException e) {
                return RouteResponse.error(400, e.getMessage());
            }
            if (until.isPresent() && until.get().isBefore(since)) {
                return RouteResponse.error(400, "until " + until.get() + " is before since " + since);
            }
            WeeklyDigest.Written written = digest.write(since, until, "true".equals(query(request, "unanswered")));
            ObjectNode json = JsonNodeFactory.instance.objectNode()
                    .put("since", since.toString())
                    .put("answered", written.answered())
                    .put("unanswered", written.unanswered())
                    .put("markdown", written.markdown());
            until.ifPresent(d -> json.put("until", d.toString()));
            return RouteResponse.json(200, json);
        });
    }

    private static String query(RouteRequest request, String name) {
        List<String> values = request.query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
