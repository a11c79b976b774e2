package io.qabot.connectors.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.qabot.config.AddressRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} open connections per client address: the one beyond is closed as it
 * opens, before a byte is read. A trusted proxy's connections are not counted, since it
 * carries every client's. The count map holds only addresses with a connection open.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);
    /** Whether this channel was counted, so closing one refused at the limit does not uncount another. */
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("qabot.connection-counted");

    private final int max;
    private final List<AddressRange> trustedProxies;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ConnectionLimit(int max, List<AddressRange> trustedProxies) {
        this.max = max;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = counted(ctx);
        if (address != null) {
            boolean[] over = new boolean[1];
            open.compute(address, (a, n) -> {
                int now = n == null ? 0 : n;
                over[0] = now >= max;
                return over[0] ? n : now + 1;
            });
            if (over[0]) {
                log.debug("closing a connection from {}: it already has {} open", address, max);
                ctx.channel().attr(COUNTED).set(Boolean.FALSE);
                ctx.close();
                return;
            }
            ctx.channel().attr(COUNTED).set(Boolean.TRUE);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        InetAddress address = counted(ctx);
        if (address != null && Boolean.TRUE.equals(ctx.channel().attr(COUNTED).get())) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
        ctx.fireChannelInactive();
    }

    /** Connections open from {@code address} now, for tests and metrics. */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private InetAddress counted(ChannelHandlerContext ctx) {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return null;
        }
        InetAddress address = remote.getAddress();
        for (AddressRange proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return null;
            }
        }
        return address;
    }
}
