package io.qabot.connectors.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.core.Pipeline;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /test/match}: the body's text through the pipeline's matcher, answered with the
 * decision. The transport's tests need a route whose work takes as long as the matcher does
 * (a request in progress while the server closes); the server itself has no feature routes.
 */
final class MatchRoute implements Route {
    static final String PATH = "/test/match";

    private final Pipeline pipeline;

    MatchRoute(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public CompletableFuture<RouteResponse> handle(RouteRequest request) {
        return pipeline.match(new String(request.body(), StandardCharsets.UTF_8))
                .thenApply(match -> RouteResponse.json(200,
                        JsonNodeFactory.instance.objectNode().put("decision", match.decision().wireName())));
    }
}
