package io.qabot.connectors.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Responses the pipeline's own handlers write, before any route is involved. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    /** A JSON error response that also tells the client the connection ends with it. */
    static FullHttpResponse closing(HttpResponseStatus status, String reason) {
        RouteResponse error = RouteResponse.error(status.code(), reason);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(error.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, error.contentType())
                .set("X-Content-Type-Options", "nosniff")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, error.body().length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
