package io.qabot.connectors.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.qabot.config.AddressRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request is from: the connecting address, unless that is one of the configured
 * trusted proxies, in which case {@code X-Forwarded-For} is read from the right (each proxy
 * appends the address it saw) and the first address that is not a trusted proxy is the
 * client. From anyone else the header is ignored: it is whatever the sender wrote.
 */
final class ClientAddress {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private final List<AddressRange> trustedProxies;

    ClientAddress(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    InetSocketAddress of(InetSocketAddress remote, HttpHeaders headers) {
        if (trustedProxies.isEmpty() || remote == null || !trusted(remote.getAddress())) {
            return remote;
        }
        List<String> values = headers.getAll("X-Forwarded-For");
        InetAddress client = remote.getAddress();
        for (int v = values.size() - 1; v >= 0; v--) {
            String[] hops = values.get(v).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = literal(hops[i].strip());
                if (hop == null) {
                    // not an address: nothing to its left can be believed either
                    return new InetSocketAddress(client, 0);
                }
                client = hop;
                if (!trusted(hop)) {
                    return new InetSocketAddress(client, 0);
                }
            }
        }
        return new InetSocketAddress(client, client.equals(remote.getAddress()) ? remote.getPort() : 0);
    }

    private boolean trusted(InetAddress address) {
        if (address == null) {
            return false;
        }
        for (AddressRange proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal (never a name to look up), or null. */
    private static InetAddress literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
