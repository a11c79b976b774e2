package io.qabot.connectors.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as routes see it. {@code body} is the exact bytes received, copied out of Netty's
 * buffer before anything parses them, because platforms sign those bytes.
 *
 * @param headers a read-only copy; names are case-insensitive
 */
public record RouteRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
                           byte[] body, InetSocketAddress remote) {
    public RouteRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** The token of an {@code Authorization: Bearer …} header, or null when there is none. */
    public String bearerToken() {
        String header = header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    /** The header's first value, or null. */
    public String header(CharSequence name) {
        return headers.get(name);
    }
}
