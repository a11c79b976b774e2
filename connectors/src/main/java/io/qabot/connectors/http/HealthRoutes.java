package io.qabot.connectors.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz}: the process runs. {@code /readyz}: it can serve, and is not draining; while
 * it loads, 503 with what it is doing ({@code {"status":"loading","stage":"knowledge",…}}).
 */
final class HealthRoutes {
    /** Seconds a platform is asked to wait before redelivering an event that came while loading. */
    static final String RETRY_AFTER_SECONDS = "5";

    private HealthRoutes() {
    }

    /**
     * @param loading what the bot is doing while it loads, or null once it has loaded
     */
    static List<Route> of(Supplier<Map<String, Object>> loading, BooleanSupplier ready, BooleanSupplier draining) {
        return List.of(
                fixed("/healthz", () -> RouteResponse.json(200, RouteResponse.JSON.createObjectNode().put("status", "ok"))),
                fixed("/readyz", () -> {
                    if (draining.getAsBoolean()) {
                        return RouteResponse.json(503, RouteResponse.JSON.createObjectNode().put("status", "draining"));
                    }
                    Map<String, Object> progress = loading.get();
                    if (progress != null) {
                        return loading(progress);
                    }
                    return ready.getAsBoolean()
                            ? RouteResponse.json(200, RouteResponse.JSON.createObjectNode().put("status", "ready"))
                            : RouteResponse.json(503, RouteResponse.JSON.createObjectNode().put("status", "starting"));
                }));
    }

    /** Every other request while the bot loads: platforms retry a 503, so no event is lost. */
    static Route whileLoading(Supplier<Map<String, Object>> loading) {
        return Route.of(HttpMethod.GET, "*", "while loading", request -> {
            Map<String, Object> progress = loading.get();
            return CompletableFuture.completedFuture(loading(progress == null ? Map.of() : progress));
        });
    }

    private static RouteResponse loading(Map<String, Object> progress) {
        ObjectNode body = RouteResponse.JSON.createObjectNode().put("status", "loading");
        progress.forEach((name, value) -> body.set(name, RouteResponse.JSON.valueToTree(value)));
        return RouteResponse.json(503, body).withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static Route fixed(String path, Supplier<RouteResponse> answer) {
        return new Route() {
            @Override
            public HttpMethod method() {
                return HttpMethod.GET;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public CompletableFuture<RouteResponse> handle(RouteRequest request) {
                return CompletableFuture.completedFuture(answer.get());
            }
        };
    }
}
