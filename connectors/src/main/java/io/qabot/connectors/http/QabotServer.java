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
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * qabot's HTTP server: {@code /healthz}, {@code /readyz}, plus the routes it is given (every
 * connector that is on, the admin module's API, dashboard and {@code /api/v1/ask}). It knows
 * routes, not features: what a path does is the route's business.
 *
 * <pre>
 * QabotServer server = new QabotServer(options, knowledge::isLoaded, routes);
 * int port = server.start();
 * ...
 * server.close(); // stops accepting, finishes requests in progress, then stops
 * </pre>
 *
 * <p>Or bound before the bot has loaded, so an orchestrator sees 503 "loading", not a refused
 * connection, and platforms are told to retry:
 * <pre>
 * QabotServer server = new QabotServer(options, progress::snapshot);
 * server.start();                 // /healthz 200, /readyz 503 loading, everything else 503 + Retry-After
 * ...                             // read the knowledge, open the store, make the connectors
 * server.open(ready, routes);
 * </pre>
 */
public final class QabotServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QabotServer.class);

    private final HttpServerOptions options;
    private final Router router;
    private final AtomicReference<Supplier<Map<String, Object>>> loading;
    private volatile BooleanSupplier ready = () -> false;
    private final InFlight inFlight = new InFlight();
    private final ChannelGroup channels = new DefaultChannelGroup("qabot-http", GlobalEventExecutor.INSTANCE);
    private volatile boolean draining;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    /**
     * @param ready  whether the bot can serve (knowledge loaded, store reachable): {@code /readyz}
     * @param routes what it serves besides the health checks; a path may not be claimed twice for one method
     */
    public QabotServer(HttpServerOptions options, BooleanSupplier ready, List<Route> routes) {
        this(options, () -> Map.of());
        open(ready, routes);
    }

    /**
     * A server that, until {@link #open}, answers {@code /healthz} 200, {@code /readyz} 503 with
     * {@code {"status":"loading"}} plus {@code progress}, and every other request 503 with
     * {@code Retry-After}.
     */
    public QabotServer(HttpServerOptions options, Supplier<Map<String, Object>> progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.loading = new AtomicReference<>(Objects.requireNonNull(progress, "progress"));
        Supplier<Map<String, Object>> whileLoading = () -> {
            Supplier<Map<String, Object>> current = loading.get();
            return current == null ? null : current.get();
        };
        this.router = new Router(HealthRoutes.of(whileLoading, () -> this.ready.getAsBoolean(), () -> draining),
                HealthRoutes.whileLoading(whileLoading));
    }

    private QabotServer(HttpServerOptions options, Router router) {
        this.options = Objects.requireNonNull(options, "options");
        this.loading = new AtomicReference<>(null); // open already: nothing is loading
        this.router = router;
    }

    /**
     * A server for {@code routes} alone: no health checks, nothing while
     * loading. For {@code /metrics} on a port of its own, where only a scraper should look.
     */
    public static QabotServer only(HttpServerOptions options, List<Route> routes) {
        return new QabotServer(options, new Router(List.copyOf(routes)));
    }

    /**
     * Serves {@code routes} from now on, and {@code /readyz} says {@code ready}; once only.
     */
    public void open(BooleanSupplier ready, List<Route> routes) {
        this.ready = Objects.requireNonNull(ready, "ready");
        List<Route> all = new ArrayList<>(HealthRoutes.of(() -> null, () -> this.ready.getAsBoolean(), () -> draining));
        all.addAll(routes);
        if (loading.get() == null) {
            throw new IllegalStateException("server already open");
        }
        router.open(all); // a clash of paths throws here, before anything is swapped
        loading.set(null);
    }

    /**
     * Binds and starts serving; returns the bound port (useful with port 0).
     *
     * @throws java.io.UncheckedIOException with the {@link java.net.BindException} when the address
     *         is in use or cannot be bound
     */
    public synchronized int start() throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("server already started on port " + port());
        }
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("qabot-http-accept"));
        workers = new NioEventLoopGroup(0, new DefaultThreadFactory("qabot-http-io"));
        io.netty.channel.ChannelFuture bound = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new HttpInitializer(options, router, inFlight, () -> draining, channels))
                .bind(options.host(), options.port())
                .await();
        if (!bound.isSuccess()) {
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (bound.cause() instanceof java.net.BindException e) {
                throw new java.io.UncheckedIOException(e.getMessage() + ": " + options.host() + ":" + options.port(), e);
            }
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port(), bound.cause());
        }
        serverChannel = bound.channel();
        log.info("listening on {}:{}", options.host(), port());
        return port();
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Client connections open now; lets tests see a connection cut without reading from it. */
    int openConnections() {
        return channels.size();
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
