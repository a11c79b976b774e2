package io.qabot.app;

import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code GET /metrics}: the Prometheus text format, rendered on the bot's executor since it reads the store. */
final class MetricsRoute implements Route {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMetrics metrics;
    private final Executor executor;

    MetricsRoute(PrometheusMetrics metrics, Executor executor) {
        this.metrics = metrics;
        this.executor = executor;
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
        return CompletableFuture.supplyAsync(() -> new RouteResponse(200, CONTENT_TYPE,
                metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store")), executor);
    }
}
