package io.qabot.admin.ask;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.ask.AskObject;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.core.Pipeline;
import java.util.concurrent.CompletableFuture;

/** {@code POST /api/v1/ask} with {@code {"text": "…"}}: the ask object, no chat involved. */
public final class AskRoute implements Route {
    private final Pipeline pipeline;

    public AskRoute(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public String path() {
        return "/api/v1/ask";
    }

    @Override
    public CompletableFuture<RouteResponse> handle(RouteRequest request) {
        JsonNode body;
        try {
            body = JsonBody.object(request.body());
        } catch (MalformedJsonException e) {
            return done(RouteResponse.error(400, e.getMessage()));
        }
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            return done(RouteResponse.error(400, "missing field: text (a string)"));
        }
        return pipeline.match(text.asText())
                .thenApply(match -> RouteResponse.json(200, AskObject.of(match, AskObject.GENERIC_REPLY).toJson()));
    }

    private static CompletableFuture<RouteResponse> done(RouteResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
