package io.qabot.admin;

import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The dashboard: one page and its script and style, from the classpath. They hold no data;
 * the script asks the admin API with the token the maintainer typed in. Served with a strict
 * content security policy (scripts and styles only from this origin) so that even a bug that
 * let question text into the page as markup could not run it.
 */
public final class DashboardRoutes {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/", "dashboard.html",
            "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css");

    private DashboardRoutes() {
    }

    public static List<Route> routes() {
        return FILES.entrySet().stream().map(e -> file(e.getKey(), e.getValue())).toList();
    }

    private static Route file(String path, String resource) {
        byte[] body = load(resource);
        String type = resource.endsWith(".html") ? "text/html; charset=utf-8"
                : resource.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        RouteResponse response = new RouteResponse(200, type, body, Map.of(
                "Content-Security-Policy", CSP,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Cache-Control", "no-cache"));
        return Route.of(HttpMethod.GET, path, "dashboard " + path, request -> CompletableFuture.completedFuture(response));
    }

    private static byte[] load(String resource) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
