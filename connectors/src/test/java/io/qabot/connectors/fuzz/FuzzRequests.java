package io.qabot.connectors.fuzz;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.http.RouteRequest;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Builds {@link RouteRequest}s as the server hands them to routes. Header values are cut to
 * what Netty's decoder lets through (ISO-8859-1 text without control characters, trimmed), so
 * a fuzzed header the server could never deliver is not mistaken for a finding.
 */
public final class FuzzRequests {
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);

    private FuzzRequests() {
    }

    public static HttpHeaders headers() {
        return new DefaultHttpHeaders();
    }

    /** Adds the header unless {@code value} is null; the value as the server would decode it. */
    public static HttpHeaders with(HttpHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, deliverable(value));
        }
        return headers;
    }

    public static RouteRequest post(String path, HttpHeaders headers, byte[] body) {
        return new RouteRequest(HttpMethod.POST, path, Map.of(), headers, body, REMOTE);
    }

    /** {@code value} as a header value reaches a route. */
    public static String deliverable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c <= 0xFF && c != 0x7F) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
