package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** metrics.token: /metrics for the scraper that has it, a 401 for anyone else; open without one. */
class MetricsTokenTest {
    private final PrometheusMetrics metrics = new PrometheusMetrics(List::of, Clock.systemUTC());

    private static RouteRequest scrape(String token) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        if (token != null) {
            headers.add("Authorization", "Bearer " + token);
        }
        return new RouteRequest(HttpMethod.GET, "/metrics", Map.of(), headers, new byte[0],
                new InetSocketAddress("203.0.113.9", 0));
    }

    private RouteResponse get(Optional<Secret> token, String presented) throws Exception {
        return new MetricsRoute(metrics, Runnable::run, token).handle(scrape(presented)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void withATokenOnlyItsBearerGetsTheMetrics() throws Exception {
        Optional<Secret> token = Optional.of(Secret.of("scrape-me"));

        assertEquals(401, get(token, null).status());
        assertEquals(401, get(token, "guess").status());
        RouteResponse ok = get(token, "scrape-me");
        assertEquals(200, ok.status());
        assertTrue(ok.bodyText().contains("# TYPE"), ok.bodyText());
    }

    @Test
    void withoutATokenTheyAreOpen() throws Exception {
        assertEquals(200, get(Optional.empty(), null).status());
    }
}
