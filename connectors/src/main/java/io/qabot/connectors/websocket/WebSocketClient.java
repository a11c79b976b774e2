package io.qabot.connectors.websocket;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens WebSocket connections on one event loop. A gateway sends large messages (Discord's
 * READY lists every guild), so whole messages up to 16 MiB are accepted.
 *
 * <p>With a keep-alive, a connection that has heard nothing for that long sends a ping, and one
 * that still hears nothing (not even the pong) for as long again is closed as dead, so the
 * listener reconnects. Without it, a peer that vanished without a FIN (a NAT dropping the
 * flow, a gateway host gone) would leave a connection that looks open and delivers nothing.
 */
public final class WebSocketClient implements AutoCloseable {
    private static final int MAX_MESSAGE = 16 << 20;

    private final EventLoopGroup group;
    private final SslContext ssl;
    private final Duration keepAlive;

    /** A client whose protocol has its own heartbeat (Discord), so no WebSocket pings. */
    public WebSocketClient(String threadName) {
        this(threadName, Duration.ZERO);
    }

    /** @param keepAlive how long a connection may be silent before it pings; zero for never */
    public WebSocketClient(String threadName, Duration keepAlive) {
        if (keepAlive.isNegative()) {
            throw new IllegalArgumentException("keep-alive must not be negative: " + keepAlive);
        }
        this.keepAlive = keepAlive;
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory(threadName));
        try {
            this.ssl = SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for WebSocket connections", e);
        }
    }

    /** Connects to {@code uri}; everything after is reported to {@code listener}. */
    public void connect(URI uri, WebSocketListener listener) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("wss");
        if (!tls && !scheme.equals("ws")) {
            throw new IllegalArgumentException("a WebSocket URL is ws:// or wss://, not " + uri);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        WebSocketClientProtocolConfig handshake = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(MAX_MESSAGE)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .build();
        new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!keepAlive.isZero()) {
                            // first, so that every byte read (a pong included) counts as a sign of life
                            ch.pipeline().addLast(new IdleStateHandler(keepAlive.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
                        }
                        if (tls) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(handshake),
                                new WebSocketFrameAggregator(MAX_MESSAGE),
                                new FrameHandler(listener));
                    }
                })
                .connect(uri.getHost(), port)
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        listener.closed(-1, "connect failed", future.cause());
                    }
                });
    }

    /** Runs {@code task} after {@code delayMillis} on the client's event loop (reconnect backoff). */
    public void later(Runnable task, long delayMillis) {
        if (!group.isShuttingDown()) {
            group.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketListener listener;
        private WebSocketConnection connection;
        private int closeCode = -1;
        private String closeReason = "";
        private Throwable failure;

        FrameHandler(WebSocketListener listener) {
            this.listener = listener;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent idle) {
                if (idle.isFirst()) {
                    ctx.writeAndFlush(new PingWebSocketFrame());
                } else {
                    failure = new IOException("no sign of life, not even a pong, after a ping");
                    ctx.close();
                }
                return;
            }
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                connection = new WebSocketConnection(ctx.channel());
                listener.opened(connection);
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                listener.text(connection, text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode();
                closeReason = close.reasonText();
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure = cause;
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            listener.closed(closeCode, closeReason, failure);
        }
    }
}
