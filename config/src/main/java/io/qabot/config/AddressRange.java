package io.qabot.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One IP address or CIDR block ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}), as
 * {@code http.trustedProxies} lists them. Written as literals only: a host name would make
 * trust depend on DNS.
 */
public record AddressRange(byte[] network, int prefixBits) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    public AddressRange {
        network = network.clone();
        if (prefixBits < 0 || prefixBits > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefixBits + " does not fit the address");
        }
    }

    /** The range {@code text} names, or an {@link IllegalArgumentException} saying why not. */
    public static AddressRange parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.isEmpty() || address.length() > 45 || !LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("is not an IP address or CIDR block (like 10.0.0.0/8 or 127.0.0.1)");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("is not an IP address or CIDR block (like 10.0.0.0/8 or 127.0.0.1)");
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String prefix = t.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                throw new IllegalArgumentException("has a prefix length that is not 0-" + bits);
            }
            bits = Integer.parseInt(prefix);
        }
        return new AddressRange(bytes, bits);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** Whether {@code address} lies in this range (an IPv4 address never lies in an IPv6 range, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange r && r.prefixBits == prefixBits && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixBits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
