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
 * Closes a connection whose request headers do not arrive in time after their first byte
 * (slowloris): an idle timeout alone never fires for a client that trickles a byte every
 * few seconds.
 *
 * <p>Sits before the codec, where it sees raw bytes and can start the clock on the first
 * one; its {@link #watcher()} sits after the codec and reports when the headers were decoded
 * and when the response was written, so the body and the bot's work are never timed.
 */
final class HeaderTimeoutHandler extends ChannelDuplexHandler {
    private static final byte[] TIMEOUT_RESPONSE = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
            + "Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"
            + "Content-Length: 38\r\n\r\n"
            + "{\"error\": \"request headers too slow\"}\n").getBytes(StandardCharsets.US_ASCII);

    private final long timeoutNanos;
    private ChannelHandlerContext ctx;
    private boolean awaitingHeaders = true;
    private ScheduledFuture<?> timer;

    HeaderTimeoutHandler(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHeaders && timer == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            timer = ctx.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
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
        if (awaitingHeaders && ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT_RESPONSE)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void headersDecoded() {
        awaitingHeaders = false;
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
