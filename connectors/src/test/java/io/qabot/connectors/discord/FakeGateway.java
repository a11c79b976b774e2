package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Discord Gateway on loopback for tests: accepts WebSocket connections on any path,
 * records each connection's request path and every payload the bot sends, and lets the test
 * speak as the Gateway on the newest connection (Hello, dispatches, Reconnect, a drop).
 */
final class FakeGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    private volatile Channel current;

    FakeGateway() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketServerProtocolHandler("/", null, true, 1 << 20, false, true),
                                new Recorder());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    /** The request URI of the next connection the bot opens. */
    String nextConnection() throws InterruptedException {
        String uri = connections.poll(10, TimeUnit.SECONDS);
        if (uri == null) {
            throw new AssertionError("the bot did not connect within 10 s");
        }
        return uri;
    }

    /** The request URI of the next connection within {@code millis}, or null. */
    String nextConnectionWithin(long millis) throws InterruptedException {
        return connections.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next payload with {@code op}, skipping others (heartbeats, usually). */
    JsonNode next(int op) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonNode payload = received.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (payload != null && payload.path("op").asInt() == op) {
                return payload;
            }
        }
        throw new AssertionError("the bot sent no op " + op + " within 10 s");
    }

    void send(String json) {
        current.writeAndFlush(new TextWebSocketFrame(json));
    }

    void hello(long heartbeatMillis) {
        send("{\"op\":10,\"d\":{\"heartbeat_interval\":" + heartbeatMillis + "},\"s\":null,\"t\":null}");
    }

    void dispatch(String event, long sequence, String data) {
        send("{\"op\":0,\"t\":\"" + event + "\",\"s\":" + sequence + ",\"d\":" + data + "}");
    }

    /** Ends the newest connection with a close frame carrying {@code code}. */
    void closeWith(int code) {
        current.writeAndFlush(new CloseWebSocketFrame(code, "test")).addListener(f -> current.close());
    }

    /** Drops the newest connection without a close frame. */
    void drop() {
        current.close();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Recorder extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                current = ctx.channel();
                connections.add(handshake.requestUri());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws IOException {
            JsonNode payload = JSON.readTree(frame.text());
            received.add(payload);
            if (payload.path("op").asInt() == 1) {
                ctx.writeAndFlush(new TextWebSocketFrame("{\"op\":11}"));   // a live gateway acknowledges each beat
            }
        }
    }
}
