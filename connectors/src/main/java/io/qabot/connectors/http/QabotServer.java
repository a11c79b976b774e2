package io.qabot.connectors.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.qabot.connectors.ask.AskRoute;
import io.qabot.core.Pipeline;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * qabot's HTTP server: {@code /healthz}, {@code /readyz}, {@code /api/v1/ask}, plus the
 * routes of every connector that is on.
 *
 * <pre>
 * QabotServer server = new QabotServer(options, pipeline, knowledge::isLoaded, connectorRoutes);
 * int port = server.start();
 * ...
 * server.close(); // stops accepting, finishes requests in progress, then stops
 * </pre>
 */
public final class QabotServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QabotServer.class);

    private final HttpServerOptions options;
    private final Router router;
    private final InFlight inFlight = new InFlight();
    private final ChannelGroup channels = new DefaultChannelGroup("qabot-http", GlobalEventExecutor.INSTANCE);
    private volatile boolean draining;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    /**
     * @param ready  whether the bot can serve (knowledge loaded, store reachable): {@code /readyz}
     * @param routes the connectors' routes; a path may not be claimed twice for one method
     */
    public QabotServer(HttpServerOptions options, Pipeline pipeline, BooleanSupplier ready, List<Route> routes) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(ready, "ready");
        List<Route> all = new ArrayList<>(HealthRoutes.of(ready, () -> draining));
        all.add(new AskRoute(pipeline));
        all.addAll(routes);
        this.router = new Router(all);
    }

    /** Binds and starts serving; returns the bound port (useful with port 0). */
    public synchronized int start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("server already started on port " + port());
        }
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("qabot-http-accept"));
        workers = new NioEventLoopGroup(0, new DefaultThreadFactory("qabot-http-io"));
        serverChannel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new HttpInitializer(options, router, inFlight, () -> draining, channels))
                .bind(options.host(), options.port())
                .sync()
                .channel();
        log.info("listening on {}:{}", options.host(), port());
        return port();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Stops accepting connections, lets requests in progress finish (up to the shutdown
     * grace), closes every connection and stops the I/O threads. Idempotent.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (serverChannel == null || draining) {
            return;
        }
        draining = true;
        serverChannel.close().sync();
        // idle keep-alive connections close now; busy ones close after their response
        channels.forEach(channel -> channel.pipeline().fireUserEventTriggered(RouterHandler.DRAIN));
        if (!inFlight.awaitIdle(options.shutdownGrace())) {
            log.warn("{} requests still in progress after {}; closing their connections", inFlight.count(),
                    options.shutdownGrace());
        }
        channels.close().await(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        log.info("stopped");
    }
}
