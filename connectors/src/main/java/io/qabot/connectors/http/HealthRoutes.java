package io.qabot.connectors.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** {@code /healthz}: the process runs. {@code /readyz}: it can serve, and is not draining. */
final class HealthRoutes {
    private HealthRoutes() {
    }

    static List<Route> of(BooleanSupplier ready, BooleanSupplier draining) {
        return List.of(
                fixed("/healthz", () -> RouteResponse.json(200, RouteResponse.JSON.createObjectNode().put("status", "ok"))),
                fixed("/readyz", () -> {
                    if (draining.getAsBoolean()) {
                        return RouteResponse.json(503, RouteResponse.JSON.createObjectNode().put("status", "draining"));
                    }
                    return ready.getAsBoolean()
                            ? RouteResponse.json(200, RouteResponse.JSON.createObjectNode().put("status", "ready"))
                            : RouteResponse.json(503, RouteResponse.JSON.createObjectNode().put("status", "starting"));
                }));
    }

    private static Route fixed(String path, java.util.function.Supplier<RouteResponse> answer) {
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
