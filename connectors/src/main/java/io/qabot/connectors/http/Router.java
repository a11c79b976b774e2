package io.qabot.connectors.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The route table: exact paths, one route per method. Immutable after construction. */
final class Router {
    private final Map<String, Map<HttpMethod, Route>> byPath = new HashMap<>();

    Router(List<Route> routes) {
        for (Route route : routes) {
            Route clash = byPath.computeIfAbsent(route.path(), p -> new LinkedHashMap<>()).putIfAbsent(route.method(), route);
            if (clash != null) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.path()
                        + ": " + clash.name() + " and " + route.name());
            }
        }
    }

    /** The route, or null with {@link #allowed} telling 404 (empty) from 405. */
    Route find(HttpMethod method, String path) {
        Map<HttpMethod, Route> methods = byPath.get(path);
        return methods == null ? null : methods.get(method);
    }

    Set<String> allowed(String path) {
        Set<String> names = new TreeSet<>();
        byPath.getOrDefault(path, Map.of()).keySet().forEach(m -> names.add(m.name()));
        return names;
    }
}
