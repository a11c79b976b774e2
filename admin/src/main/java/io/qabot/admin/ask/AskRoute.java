package io.qabot.admin.ask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.ask.AskObject;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.core.Pipeline;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** {@code POST /api/v1/ask} with {@code {"text": "…"}}: the ask object, no chat involved. */
public final class AskRoute implements Route {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            body = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            return done(RouteResponse.error(400, "body is not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return done(RouteResponse.error(400, "body is not JSON"));
        }
        if (body == null || !body.isObject()) {
            return done(RouteResponse.error(400, "body must be a JSON object like {\"text\": \"…\"}"));
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
