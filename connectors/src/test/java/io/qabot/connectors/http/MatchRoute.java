package io.qabot.connectors.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.core.Pipeline;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /test/match}: the body's text through the pipeline's matcher, answered with the
 * decision. The transport's tests need a route whose work takes as long as the matcher does
 * (a request in progress while the server closes); the server itself has no feature routes.
 */
final class MatchRoute {
    static final String PATH = "/test/match";

    private MatchRoute() {
    }

    static Route of(Pipeline pipeline) {
        return Route.of(HttpMethod.POST, PATH, "test match", request ->
                pipeline.match(new String(request.body(), StandardCharsets.UTF_8)).thenApply(match -> RouteResponse.json(200,
                        JsonNodeFactory.instance.objectNode().put("decision", match.decision().wireName()))));
    }
}
