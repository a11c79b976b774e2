package io.qabot.connectors.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route table: exact paths, one route per method. A path may also have segments written
 * {@code {name}} ({@code /api/v1/escalations/{id}/answer}) that match any one non-empty
 * segment; exact paths win over such templates. Immutable after construction.
 */
final class Router {
    private final Map<String, Map<HttpMethod, Route>> byPath = new HashMap<>();
    private final List<String> templates = new ArrayList<>();

    Router(List<Route> routes) {
        for (Route route : routes) {
            Route clash = byPath.computeIfAbsent(route.path(), p -> new LinkedHashMap<>()).putIfAbsent(route.method(), route);
            if (clash != null) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.path()
                        + ": " + clash.name() + " and " + route.name());
            }
            if (route.path().contains("{") && !templates.contains(route.path())) {
                templates.add(route.path());
            }
        }
    }

    /** The route, or null with {@link #allowed} telling 404 (empty) from 405. */
    Route find(HttpMethod method, String path) {
        Map<HttpMethod, Route> methods = methods(path);
        return methods == null ? null : methods.get(method);
    }

    Set<String> allowed(String path) {
        Set<String> names = new TreeSet<>();
        Map<HttpMethod, Route> methods = methods(path);
        if (methods != null) {
            methods.keySet().forEach(m -> names.add(m.name()));
        }
        return names;
    }

    private Map<HttpMethod, Route> methods(String path) {
        Map<HttpMethod, Route> exact = byPath.get(path);
        if (exact != null) {
            return exact;
        }
        for (String template : templates) {
            if (matches(template, path)) {
                return byPath.get(template);
            }
        }
        return null;
    }

    private static boolean matches(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean variable = want[i].startsWith("{") && want[i].endsWith("}");
            if (variable ? got[i].isEmpty() : !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }
}
