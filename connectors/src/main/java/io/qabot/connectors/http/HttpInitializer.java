package io.qabot.connectors.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Builds each connection's pipeline, in the order bytes meet it. */
final class HttpInitializer extends ChannelInitializer<SocketChannel> {
    private final HttpServerOptions options;
    private final Router router;
    private final InFlight inFlight;
    private final BooleanSupplier draining;
    private final ChannelGroup channels;
    private final ConnectionLimit connectionLimit;
    private final ClientAddress clientAddress;

    HttpInitializer(HttpServerOptions options, Router router, InFlight inFlight, BooleanSupplier draining,
                    ChannelGroup channels) {
        this.options = options;
        this.router = router;
        this.inFlight = inFlight;
        this.draining = draining;
        this.channels = channels;
        this.connectionLimit = new ConnectionLimit(options.maxConnectionsPerAddress(), options.trustedProxies());
        this.clientAddress = new ClientAddress(options.trustedProxies());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        RequestTimeoutHandler requestTimeout = new RequestTimeoutHandler(options.headerTimeout(), options.requestTimeout());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("connection-limit", connectionLimit);
        pipeline.addLast("idle", new IdleStateHandler(0, 0, options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        // RouterHandler writes one response at a time and only while the channel is writable, so a
        // write still pending after this long means the client stopped taking what it asked for
        pipeline.addLast("write-timeout", new WriteTimeoutHandler(options.writeTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("request-timeout", requestTimeout);
        pipeline.addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(8 * 1024)
                .setMaxHeaderSize(16 * 1024)));
        pipeline.addLast("request-watch", requestTimeout.watcher());
        pipeline.addLast("body-limit", new BodyLimitHandler(options.maxBodyBytes()));
        pipeline.addLast("aggregator", new HttpObjectAggregator(options.maxBodyBytes()));
        pipeline.addLast("router", new RouterHandler(router, inFlight, draining, clientAddress));
    }
}
