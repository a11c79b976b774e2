package io.qabot.connectors.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches each complete request to its route and writes the route's response when its
 * future completes. One request per connection is worked on at a time (pipelined ones wait
 * in order) so responses leave in the order the requests came.
 *
 * <p>What one connection may hold is bounded: while requests wait, the connection stops
 * reading (the client's own send buffer fills instead of our memory); more than
 * {@link #MAX_PIPELINED} waiting requests (what one read can still decode) close it; and the
 * next request is answered only once the last response has drained below the channel's
 * write-buffer high-water mark, so a client that sends and never reads holds one response,
 * not sixty thousand. Such a client is closed by the idle timeout, since a response it
 * does not take is no activity.
 *
 * <p>All state is touched only on the channel's event loop: completions from the bot's
 * executor hop back onto it before touching anything.
 */
final class RouterHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RouterHandler.class);

    /** Fired through every channel's pipeline when the server starts draining. */
    static final Object DRAIN = new Object() {
        @Override
        public String toString() {
            return "DRAIN";
        }
    };

    /** Pipelined requests one connection may have waiting; beyond this it is closed. */
    static final int MAX_PIPELINED = 16;

    private final Router router;
    private final InFlight inFlight;
    private final BooleanSupplier draining;
    private final ClientAddress clientAddress;
    private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    /** The last response is still above the high-water mark: the next request waits for writability. */
    private boolean awaitingWritable;

    RouterHandler(Router router, InFlight inFlight, BooleanSupplier draining, ClientAddress clientAddress) {
        this.router = router;
        this.inFlight = inFlight;
        this.draining = draining;
        this.clientAddress = clientAddress;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy || awaitingWritable) {
            if (waiting.size() >= MAX_PIPELINED) {
                log.debug("closing connection from {}: more than {} pipelined requests waiting",
                        ctx.channel().remoteAddress(), MAX_PIPELINED);
                request.release();
                releaseWaiting();
                ctx.close();
                return;
            }
            waiting.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        dispatch(ctx, request);
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request) {
        busy = true;
        inFlight.begin();
        boolean keepAlive;
        CompletableFuture<RouteResponse> response;
        try {
            keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
            response = route(ctx, request);
        } finally {
            request.release();
        }
        response.whenComplete((ok, failure) -> {
            if (ctx.executor().inEventLoop()) {
                respond(ctx, ok, failure, keepAlive);
            } else {
                ctx.executor().execute(() -> respond(ctx, ok, failure, keepAlive));
            }
        });
    }

    private CompletableFuture<RouteResponse> route(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return CompletableFuture.completedFuture(RouteResponse.error(400,
                    "malformed HTTP request: " + request.decoderResult().cause().getMessage()));
        }
        // routed on the path as sent: decoding first would let /api%2fv1%2f… reach a route that a
        // proxy filtering on the raw prefix meant to keep out
        String rawPath = rawPath(request.uri());
        if (rawPath.indexOf('%') >= 0 && encodesASlash(rawPath)) {
            return CompletableFuture.completedFuture(RouteResponse.error(400, "an encoded slash is not allowed in the path"));
        }
        Route route = router.find(request.method(), rawPath);
        if (route == null) {
            var allowed = router.allowed(rawPath);
            return CompletableFuture.completedFuture(allowed.isEmpty()
                    ? RouteResponse.error(404, "no route for " + rawPath)
                    : RouteResponse.error(405, request.method() + " not allowed on " + rawPath)
                            .withHeader("Allow", String.join(", ", allowed)));
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        // copy the exact bytes out before anyone parses them: platforms sign these bytes
        byte[] body = ByteBufUtil.getBytes(request.content());
        HttpHeaders headers = new DefaultHttpHeaders().add(request.headers());
        RouteRequest routed = new RouteRequest(request.method(), uri.path(), uri.parameters(), headers, body,
                clientAddress.of((InetSocketAddress) ctx.channel().remoteAddress(), headers));
        try {
            CompletableFuture<RouteResponse> response = route.handle(routed);
            if (response == null) {
                throw new IllegalStateException("route " + route.name() + " returned null");
            }
            return response.exceptionally(failure -> failed(route, failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(route, e));
        }
    }

    private static boolean encodesASlash(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c");
    }

    /** The request target's path, undecoded: up to the query or fragment. */
    private static String rawPath(String uri) {
        int end = uri.length();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return uri.substring(0, end);
    }

    private static RouteResponse failed(Route route, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RejectedExecutionException) {
            log.warn("route {} refused a request: the bot's executor is saturated", route.name());
            return RouteResponse.error(503, "busy, try again").withHeader("Retry-After", "1");
        }
        log.error("route {} failed", route.name(), cause);
        return RouteResponse.error(500, "internal error");
    }

    private void respond(ChannelHandlerContext ctx, RouteResponse routed, Throwable failure, boolean keepAlive) {
        RouteResponse response = routed != null ? routed : RouteResponse.error(500, "internal error");
        if (failure != null) {
            log.error("response failed", failure);
        }
        boolean keepOpen = keepAlive && !draining.getAsBoolean();
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            out.headers().set(header.getKey(), header.getValue());
        }
        out.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                .set("X-Content-Type-Options", "nosniff")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (!keepOpen) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = ctx.writeAndFlush(out);
        written.addListener(done -> inFlight.end());
        if (!keepOpen) {
            written.addListener(ChannelFutureListener.CLOSE);
            busy = false;
            releaseWaiting();
            return;
        }
        busy = false;
        next(ctx);
    }

    /** Answers the next waiting request once the channel can take a response; reads again when none waits. */
    private void next(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            awaitingWritable = true; // channelWritabilityChanged resumes
            ctx.channel().config().setAutoRead(false);
            return;
        }
        awaitingWritable = false;
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            dispatch(ctx, next);
        } else if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (awaitingWritable && !busy && ctx.channel().isWritable()) {
            next(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent || evt == DRAIN) {
            // a request in progress is not idle: its response will close the connection if draining
            if (!busy) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void releaseWaiting() {
        FullHttpRequest request;
        while ((request = waiting.poll()) != null) {
            request.release();
        }
    }
}
