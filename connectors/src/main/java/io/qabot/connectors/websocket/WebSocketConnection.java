package io.qabot.connectors.websocket;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One open WebSocket: send text, schedule on its event loop, close it. */
public final class WebSocketConnection {
    private final Channel channel;

    WebSocketConnection(Channel channel) {
        this.channel = channel;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** Runs {@code task} on this connection's event loop after {@code delay}, unless it has closed by then. */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                task.run();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Sends a close frame with {@code code} and closes the connection. */
    public void close(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> channel.close());
        }
    }

    /** Drops the connection without a close frame, as a network failure would. */
    public void abort() {
        channel.close();
    }
}
