package io.qabot.app;

import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /metrics}: the Prometheus text format, rendered on the bot's executor since it reads
 * the store; behind {@code metrics.token} (a bearer token, compared in constant time) when one is set.
 */
final class MetricsRoute implements Route {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMetrics metrics;
    private final Executor executor;
    private final Optional<Secret> token;

    MetricsRoute(PrometheusMetrics metrics, Executor executor, Optional<Secret> token) {
        this.metrics = metrics;
        this.executor = executor;
        this.token = token;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.GET;
    }

    @Override
    public String path() {
        return "/metrics";
    }

    @Override
    public CompletableFuture<RouteResponse> handle(RouteRequest request) {
        if (token.isPresent() && !token.get().matches(request.bearerToken())) {
            return CompletableFuture.completedFuture(RouteResponse.error(401, "/metrics needs the metrics bearer token")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"qabot-metrics\""));
        }
        return CompletableFuture.supplyAsync(() -> new RouteResponse(200, CONTENT_TYPE,
                metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store")), executor);
    }
}
