package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.qabot.connectors.fakes.RecordingPlatformApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DingTalk's Stream gateway on loopback. {@link #register} plays {@code connections/open}
 * (hooked into a {@link RecordingPlatformApi}, which records the credentials): it hands out a fresh
 * single-use ticket and this server's endpoint. The WebSocket server refuses the upgrade
 * (401) unless the ticket is one it issued and has not seen used, records each connection's
 * ticket and every frame the bot sends (its ACKs), and lets the test speak as DingTalk on the
 * newest connection.
 */
final class FakeStreamGateway implements AutoCloseable {
    static final String PATH = "/connect";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AttributeKey<String> TICKET = AttributeKey.valueOf("ticket");

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> unused = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> acks = new LinkedBlockingQueue<>();
    private final Map<String, Channel> byTicket = new ConcurrentHashMap<>();
    private volatile Channel current;

    FakeStreamGateway() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                                new TicketCheck(),
                                new WebSocketServerProtocolHandler(PATH, null, true, 1 << 20, false, true),
                                new Recorder());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** What {@code connections/open} answers: this endpoint and a new ticket, with characters that need URL-encoding. */
    RecordingPlatformApi.Answer register(RecordingPlatformApi.Recorded request) {
        String ticket = "tk+" + issued.incrementAndGet() + "/a=b";
        unused.add(ticket);
        return RecordingPlatformApi.Answer.ok(JSON.createObjectNode()
                .put("endpoint", "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + PATH)
                .put("ticket", ticket).toString());
    }

    int ticketsIssued() {
        return issued.get();
    }

    /** The ticket of the next connection the bot opens; fails after 10 s. */
    String nextConnection() throws InterruptedException {
        String ticket = connections.poll(10, TimeUnit.SECONDS);
        if (ticket == null) {
            throw new AssertionError("the bot did not connect within 10 s (refused: " + refused + ")");
        }
        return ticket;
    }

    /** The ticket of the next connection within {@code millis}, or null. */
    String nextConnectionWithin(long millis) throws InterruptedException {
        return connections.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The tickets of refused upgrades: unknown or used again. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /** The next frame the bot sends; fails after 10 s. */
    JsonNode nextAck() throws InterruptedException {
        JsonNode ack = acks.poll(10, TimeUnit.SECONDS);
        if (ack == null) {
            throw new AssertionError("the bot sent no ACK within 10 s");
        }
        return ack;
    }

    /** The next frame the bot sends within {@code millis}, or null. */
    JsonNode nextAckWithin(long millis) throws InterruptedException {
        return acks.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Sends a frame on the newest connection. */
    void send(String frame) {
        current.writeAndFlush(new TextWebSocketFrame(frame));
    }

    /** Drops the newest connection without a close frame, as a network failure would. */
    void drop() throws InterruptedException {
        current.close().sync();
    }

    /** Drops the connection opened with {@code ticket}. */
    void drop(String ticket) throws InterruptedException {
        byTicket.get(ticket).close().sync();
    }

    /** The newest connection stops reading: the bot's pings go unanswered, yet nothing closes. */
    void goSilent() {
        current.config().setAutoRead(false);
    }

    boolean newestIsOpen() {
        return current != null && current.isActive();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Lets the upgrade through only with a ticket that was issued and not yet used. */
    private final class TicketCheck extends SimpleChannelInboundHandler<FullHttpRequest> {
        TicketCheck() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            List<String> tickets = new QueryStringDecoder(request.uri()).parameters().get("ticket");
            String ticket = tickets == null || tickets.isEmpty() ? "" : tickets.get(0);
            if (!unused.remove(ticket)) {
                refused.add(ticket);
                request.release();
                ctx.writeAndFlush(new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.UNAUTHORIZED))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.channel().attr(TICKET).set(ticket);
            ctx.fireChannelRead(request);
        }
    }

    private final class Recorder extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                current = ctx.channel();
                String ticket = ctx.channel().attr(TICKET).get();
                byTicket.put(ticket, ctx.channel());
                connections.add(ticket);
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws IOException {
            acks.add(JSON.readTree(frame.text()));
        }
    }
}
