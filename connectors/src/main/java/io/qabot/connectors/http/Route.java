package io.qabot.connectors.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One HTTP endpoint: a method and an exact path. {@link #handle} is called on a Netty I/O
 * thread: it may verify a signature and parse the body, but must hand any slower work
 * (matching, storage, outbound calls) to the bot's executor and return a future at once.
 * A future that fails becomes a 500 and is logged with the route's name; the server keeps
 * serving.
 */
public interface Route {

    HttpMethod method();

    String path();

    CompletableFuture<RouteResponse> handle(RouteRequest request);

    /** For logs: which connector or feature owns the route. */
    default String name() {
        return method() + " " + path();
    }

    /** A route that hands every request to {@code handler}. */
    static Route of(HttpMethod method, String path, String name,
                    Function<RouteRequest, CompletableFuture<RouteResponse>> handler) {
        return new Route() {
            @Override
            public HttpMethod method() {
                return method;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public CompletableFuture<RouteResponse> handle(RouteRequest request) {
                return handler.apply(request);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
