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
 * segment; exact paths win over such templates.
 *
 * <p>While the bot loads, the table holds the health routes and a fallback that answers every
 * other request; {@link #open} swaps in the full table in one step, so the port can be bound
 * before the knowledge is read.
 */
final class Router {
    private volatile Table table;

    Router(List<Route> routes) {
        this.table = new Table(routes, null);
    }

    /** A router that sends whatever {@code routes} do not claim to {@code fallback}, until {@link #open}. */
    Router(List<Route> routes, Route fallback) {
        this.table = new Table(routes, fallback);
    }

    /** Replaces the table with {@code routes}, without a fallback. */
    void open(List<Route> routes) {
        table = new Table(routes, null);
    }

    /** The route, or null with {@link #allowed} telling 404 (empty) from 405. */
    Route find(HttpMethod method, String path) {
        return table.find(method, path);
    }

    Set<String> allowed(String path) {
        return table.allowed(path);
    }

    private static final class Table {
        private final Map<String, Map<HttpMethod, Route>> byPath = new HashMap<>();
        private final List<String> templates = new ArrayList<>();
        private final Route fallback;

        Table(List<Route> routes, Route fallback) {
            this.fallback = fallback;
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

        Route find(HttpMethod method, String path) {
            Map<HttpMethod, Route> methods = methods(path);
            Route route = methods == null ? null : methods.get(method);
            return route == null ? fallback : route;
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
}
