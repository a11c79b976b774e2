package io.qabot.connectors.irc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.qabot.config.IrcConfig;
import io.qabot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one IRC server, kept up: registers, authenticates with SASL PLAIN when
 * configured, joins the channels, answers PINGs, hands every PRIVMSG to the listener, and
 * after a drop reconnects with doubling backoff (one second to a minute) and joins again.
 * Outgoing lines wait in a queue drained under {@link IrcFloodControl}; PONGs skip the
 * queue, because a PONG that waits behind a long answer can cost the connection. The queue
 * holds at most {@link #MAX_QUEUED_LINES}: while the server is unreachable a message that would
 * go past it is refused whole, rather than kept without limit and posted long after it was asked.
 *
 * <p>All connection state lives on the one event loop thread; callers from other threads
 * hand their work to it.
 */
final class IrcClient {
    private static final Logger log = LoggerFactory.getLogger(IrcClient.class);
    private static final Duration LAST_BACKOFF = Duration.ofMinutes(1);
    /** IRCv3 tags can make inbound lines far longer than 512 bytes. */
    private static final int MAX_INBOUND_LINE = 8_192 + 512;
    /** Two hundred seconds of sending at the flood limit: anything further back would arrive stale. */
    static final int MAX_QUEUED_LINES = 100;

    private final IrcConfig config;
    private final Consumer<IrcMessage> listener;
    private final IrcFloodControl flood;
    private final Duration firstBackoff;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("qabot-irc"));
    /** Lines waiting for the flood limit or a connection; the last line of a message carries its future. */
    private final Queue<Outgoing> outgoing = new ArrayDeque<>();
    private final SslContext ssl;

    private volatile boolean closed;
    private volatile boolean registered;
    private Channel channel;
    private String nick;
    private Duration backoff;
    private boolean drainScheduled;

    IrcClient(IrcConfig config, Consumer<IrcMessage> listener, Clock clock, Duration firstBackoff) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.flood = IrcFloodControl.rfc1459(clock);
        this.firstBackoff = firstBackoff;
        this.backoff = firstBackoff;
        this.nick = config.nick();
        try {
            this.ssl = config.tls() ? SslContextBuilder.forClient().build() : null;
        } catch (SSLException e) {
            throw new IllegalStateException("irc: cannot set up TLS", e);
        }
    }

    void start() {
        group.execute(this::connect);
    }

    void close() {
        closed = true;
        group.execute(() -> {
            if (channel != null && channel.isActive()) {
                channel.writeAndFlush("QUIT :qabot stopping\r\n").addListener(f -> channel.close());
            }
            IllegalStateException stopped = new IllegalStateException("irc: stopped before the line was sent");
            for (Outgoing left = outgoing.poll(); left != null; left = outgoing.poll()) {
                if (left.sent() != null) {
                    left.sent().completeExceptionally(stopped);
                }
            }
        });
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    boolean registered() {
        return registered;
    }

    /** The nick the server knows the bot by (the configured one, or an alternative after 433). */
    String nick() {
        return nick;
    }

    /**
     * Queues {@code lines} to {@code target}; they are sent as the flood limit allows, and while
     * the bot is disconnected they wait for the next connection. The future completes once the
     * last line was written to a live connection (not when it was queued: a line "sent" while
     * disconnected was lost), fails when the write fails or the client stops first, and fails at
     * once with a {@link RejectedExecutionException} when the lines would take the queue past
     * {@link #MAX_QUEUED_LINES} (none of them is queued then).
     */
    CompletableFuture<Void> privmsg(String target, List<String> lines) {
        CompletableFuture<Void> queued = new CompletableFuture<>();
        try {
            group.execute(() -> {
                if (outgoing.size() + lines.size() > MAX_QUEUED_LINES) {
                    log.warn("irc: dropped a message to {} ({} lines): {} lines already waiting, the server is slow"
                            + " or unreachable", target, lines.size(), outgoing.size());
                    queued.completeExceptionally(new RejectedExecutionException("irc: " + outgoing.size()
                            + " lines already waiting to be sent; dropped a message to " + target));
                    return;
                }
                for (int i = 0; i < lines.size(); i++) {
                    outgoing.add(new Outgoing("PRIVMSG " + target + " :" + lines.get(i),
                            i == lines.size() - 1 ? queued : null));
                }
                if (lines.isEmpty()) {
                    queued.complete(null);
                }
                drain();
            });
        } catch (RejectedExecutionException stopped) {
            queued.completeExceptionally(stopped); // closed: the event loop takes no more work
        }
        return queued;
    }

    private void connect() {
        if (closed) {
            return;
        }
        log.info("irc: connecting to {}:{}{}", config.server(), config.port(), config.tls() ? " (TLS)" : "");
        new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), config.server(), config.port()));
                        }
                        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_INBOUND_LINE, true, false),
                                new StringDecoder(StandardCharsets.UTF_8),
                                new StringEncoder(StandardCharsets.UTF_8),
                                new Handler());
                    }
                })
                .connect(config.server(), config.port())
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        log.warn("irc: cannot connect to {}:{}: {}", config.server(), config.port(),
                                future.cause().toString());
                        reconnectLater();
                    }
                });
    }

    private void reconnectLater() {
        if (closed) {
            return;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff.multipliedBy(2);
        log.info("irc: reconnecting in {}", wait);
        group.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void write(String line) {
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(line + "\r\n");
        }
    }

    /** Sends queued lines while connected and the bucket has tokens, and comes back when it will have one. */
    private void drain() {
        while (registered && channel != null && channel.isActive() && !outgoing.isEmpty() && flood.tryTake()) {
            Outgoing next = outgoing.poll();
            channel.writeAndFlush(next.line() + "\r\n").addListener(written -> {
                if (next.sent() == null) {
                    return;
                }
                if (written.isSuccess()) {
                    next.sent().complete(null);
                } else {
                    next.sent().completeExceptionally(written.cause());
                }
            });
        }
        if (registered && !outgoing.isEmpty() && !drainScheduled) {
            drainScheduled = true;
            group.schedule(() -> {
                drainScheduled = false;
                drain();
            }, Math.max(1, flood.untilNext().toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private boolean sasl() {
        return config.saslUser().isPresent() && config.saslPassword().isPresent();
    }

    private final class Handler extends SimpleChannelInboundHandler<String> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            registered = false;
            nick = config.nick();
            if (sasl()) {
                // the server holds registration until CAP END, so NICK and USER can go now
                write("CAP LS 302");
            }
            write("NICK " + nick);
            write("USER " + config.nick() + " 0 * :qabot, answers from the community's Q&A");
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            registered = false;
            if (!closed) {
                log.warn("irc: disconnected from {}", config.server());
                reconnectLater();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("irc: connection error: {}", cause.toString());
            ctx.close();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            if (line.isBlank()) {
                return;
            }
            IrcMessage message = IrcMessage.parse(line);
            switch (message.command()) {
                case "PING" -> write("PONG :" + Objects.requireNonNullElse(message.trailing(), ""));
                case "CAP" -> cap(message);
                case "AUTHENTICATE" -> authenticate(message);
                case "903" -> write("CAP END");
                case "902", "904", "905", "906", "908" -> {
                    // SASL failed: carry on unauthenticated rather than hang in registration
                    log.error("irc: SASL authentication failed ({}): {}", message.command(), message.trailing());
                    write("CAP END");
                }
                case "001" -> welcomed(message);
                case "433" -> {
                    if (!registered) {
                        nick = nick + "_";
                        write("NICK " + nick);
                    }
                }
                case "NICK" -> {
                    if (nick.equalsIgnoreCase(message.nick())) {
                        nick = message.trailing();
                    }
                }
                case "PRIVMSG" -> listener.accept(message);
                case "ERROR" -> log.warn("irc: server says {}", message.trailing());
                default -> { }
            }
        }

        private void cap(IrcMessage message) {
            String sub = Objects.requireNonNullElse(message.param(1), "").toUpperCase(Locale.ROOT);
            String caps = Objects.requireNonNullElse(message.trailing(), "");
            if (sub.equals("LS") && !"*".equals(message.param(2))) {
                if ((" " + caps + " ").matches(".*\\ssasl(=\\S*)?\\s.*")) {
                    write("CAP REQ :sasl");
                } else {
                    log.error("irc: {} offers no SASL; continuing without authentication", config.server());
                    write("CAP END");
                }
            } else if (sub.equals("ACK") && caps.contains("sasl")) {
                write("AUTHENTICATE PLAIN");
            } else if (sub.equals("NAK")) {
                log.error("irc: {} refused the SASL capability; continuing without authentication", config.server());
                write("CAP END");
            }
        }

        private void authenticate(IrcMessage message) {
            if (!"+".equals(message.param(0))) {
                return;
            }
            String user = config.saslUser().orElseThrow();
            String password = config.saslPassword().map(Secret::value).orElseThrow();
            // authzid NUL authcid NUL password, sent in 400-byte chunks with "+" after an exact multiple
            String payload = Base64.getEncoder().encodeToString(
                    (user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < payload.length(); i += 400) {
                write("AUTHENTICATE " + payload.substring(i, Math.min(payload.length(), i + 400)));
            }
            if (payload.length() % 400 == 0) {
                write("AUTHENTICATE +");
            }
        }

        private void welcomed(IrcMessage message) {
            registered = true;
            backoff = firstBackoff;
            if (message.param(0) != null) {
                nick = message.param(0);
            }
            log.info("irc: registered as {} on {}; joining {}", nick, config.server(), config.channels());
            for (String joined : config.channels()) {
                write("JOIN " + joined);
            }
            drain();
        }
    }

    private record Outgoing(String line, CompletableFuture<Void> sent) {
    }
}
