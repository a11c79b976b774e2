package io.qabot.connectors.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Refuses request bodies over the limit with 413 and a JSON reason before any of them is
 * buffered. (Netty's aggregator would answer 413 too, but with an empty body.)
 *
 * <p>A declared length over the limit is refused at once; what arrives of that body in the
 * next {@link #LINGER} is read and dropped, so a client still sending sees the response
 * rather than a reset, and then the connection is closed, however much was declared (a
 * {@code Content-Length: 1073741824} used to keep the socket reading for the whole
 * gigabyte). A chunked body that grows past the limit is refused the moment it does.
 */
final class BodyLimitHandler extends ChannelInboundHandlerAdapter {
    /** How long a refused body is drained before the connection closes anyway. */
    static final Duration LINGER = Duration.ofSeconds(1);

    private final long maxBytes;
    private boolean discarding;
    private long received;

    BodyLimitHandler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            // a malformed head (Content-Length: abc, say): the router answers 400 with the reason and closes
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            received = 0;
            long declared = HttpUtil.getContentLength(request, -1L);
            if (declared > maxBytes) {
                discarding = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(ErrorResponses.closing(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge()));
                if (HttpUtil.is100ContinueExpected(request)) {
                    // the client waits for 100 Continue before sending the body: nothing to drain
                    ctx.close();
                } else {
                    ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            if (discarding) {
                ReferenceCountUtil.release(msg);
                if (content instanceof LastHttpContent) {
                    ctx.close();
                }
                return;
            }
            received += content.content().readableBytes();
            if (received > maxBytes) {
                discarding = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(ErrorResponses.closing(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge()))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private String tooLarge() {
        return "request body larger than " + maxBytes + " bytes";
    }
}
