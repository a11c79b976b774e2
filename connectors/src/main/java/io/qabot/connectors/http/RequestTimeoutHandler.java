package io.qabot.connectors.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request does not arrive in time after its first byte: its
 * headers within the header timeout (slowloris), and the whole request, body included,
 * within the request timeout (a body trickled a byte every few seconds). An idle timeout
 * alone never fires for either, since every byte is activity.
 *
 * <p>Sits before the codec, where it sees raw bytes and can start the clock on the first
 * one; its {@link #watcher()} sits after the codec and reports when the headers and the end
 * of the request were decoded and when the response was written, so the bot's work is never
 * timed. One timer per request, as before the body was timed too: it fires at the header
 * deadline and, with the headers in, is set once more for the rest of the request.
 */
final class RequestTimeoutHandler extends ChannelDuplexHandler {
    private static final String REASON_HEADERS = "{\"error\": \"request headers too slow\"}\n";
    private static final String REASON_BODY = "{\"error\": \"request body too slow\"}\n";

    private final long headerNanos;
    private final long requestNanos;
    private ChannelHandlerContext ctx;
    private boolean awaitingHeaders = true;
    private boolean awaitingEnd;
    private long started;
    private ScheduledFuture<?> timer;

    RequestTimeoutHandler(Duration headerTimeout, Duration requestTimeout) {
        this.headerNanos = headerTimeout.toNanos();
        this.requestNanos = Math.max(requestTimeout.toNanos(), headerNanos);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHeaders && timer == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            started = System.nanoTime();
            awaitingEnd = true;
            timer = ctx.executor().schedule(this::expire, headerNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void expire() {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (awaitingHeaders) {
            refuse(REASON_HEADERS);
        } else if (awaitingEnd) {
            long left = requestNanos - (System.nanoTime() - started);
            if (left > 0) {
                timer = ctx.executor().schedule(this::expire, left, TimeUnit.NANOSECONDS);
            } else {
                refuse(REASON_BODY);
            }
        }
    }

    private void refuse(String reason) {
        byte[] body = reason.getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(head, body)).addListener(ChannelFutureListener.CLOSE);
    }

    private void headersDecoded() {
        awaitingHeaders = false;
    }

    private void requestDecoded() {
        awaitingHeaders = false;
        awaitingEnd = false;
        cancel();
    }

    private void responseWritten() {
        awaitingHeaders = true;
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The half that sits after the codec. */
    ChannelDuplexHandler watcher() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    headersDecoded();
                }
                if (msg instanceof LastHttpContent) {
                    requestDecoded();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof LastHttpContent) {
                    promise = promise.unvoid();
                    promise.addListener(done -> responseWritten());
                }
                ctx.write(msg, promise);
            }
        };
    }
}
