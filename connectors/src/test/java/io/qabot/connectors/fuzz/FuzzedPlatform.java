package io.qabot.connectors.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.sun.net.httpserver.HttpServer;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Pipeline;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the platform connectors' fuzz targets run against: a clock stopped at {@link #NOW}, a
 * fresh pipeline per input (no de-duplication carried from one input to the next) on a direct
 * executor with a matcher that answers 跨机房, ignores 谢谢 and escalates the rest, and a
 * stand-in for every platform's API on loopback that answers any request with one JSON body
 * that satisfies each connector's parsing (ok, token, getMe). So an asynchronous reply after
 * the route has answered succeeds quietly instead of retrying and logging a failure per input.
 */
public final class FuzzedPlatform {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** One attempt, short timeouts: nothing a fuzz target starts may linger. */
    public static final OutboundClient CLIENT = new OutboundClient(new OutboundOptions(Duration.ofSeconds(1),
            Duration.ofSeconds(2), 1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));
    private static final byte[] OK = ("{\"ok\":true,\"code\":0,\"errcode\":0,\"errmsg\":\"ok\",\"msg\":\"ok\","
            + "\"result\":{\"id\":4242,\"is_bot\":true,\"first_name\":\"qabot\",\"username\":\"qabot_bot\",\"message_id\":1},"
            + "\"access_token\":\"t\",\"accessToken\":\"t\",\"tenant_access_token\":\"t\",\"expires_in\":7200,"
            + "\"expireIn\":7200,\"expire\":7200,\"id\":\"1\"}").getBytes(StandardCharsets.UTF_8);
    private static volatile URI api;

    private FuzzedPlatform() {
    }

    public static Pipeline pipeline() {
        return Pipeline.builder(FuzzedPlatform::match, new InMemoryEscalationQueue(CLOCK), Runnable::run)
                .clock(CLOCK)
                .policy(ChatPolicy.everywhere(ChatMode.MENTION))
                .build();
    }

    /**
     * The platform API stand-in, started on first use and kept for the JVM. Jazzer's SSRF
     * detector is told that connections to it are expected (the API's address comes from the
     * configuration, not from the input); call this at the start of every input, as Jazzer asks.
     */
    public static synchronized URI api() {
        URI started = started();
        int port = started.getPort();
        BugDetectors.allowNetworkConnections((host, to) -> to == port
                && (host.equals("127.0.0.1") || host.equals("localhost")));
        return started;
    }

    /**
     * As {@link #api()}, and connections to {@code host:port} are expected too: an origin a
     * connector trusts by design for a URL the payload carries (DingTalk's session webhooks on
     * {@code oapi.dingtalk.com}, taken from a signed message and from nowhere else; the same-origin
     * rule has its own tests). Offline, such a post fails like any unreachable platform. Host
     * names are case-insensitive, and the connector compares them so: {@code oapi.diNgtalk.com}
     * is DingTalk's host too (a 3-minute local run reported it as SSRF).
     */
    public static synchronized URI api(String trustedHost, int trustedPort) {
        URI started = started();
        int port = started.getPort();
        BugDetectors.allowNetworkConnections((host, to) -> (to == port && (host.equals("127.0.0.1") || host.equals("localhost")))
                || (to == trustedPort && host.equalsIgnoreCase(trustedHost)));
        return started;
    }

    private static URI started() {
        if (api == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, OK.length);
                    exchange.getResponseBody().write(OK);
                    exchange.close();
                });
                server.start();
                api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return api;
    }

    private static Match match(String question) {
        if (question.contains("跨机房")) {
            return new Match(question, Decision.ANSWER, 0.91, List.of(new Candidate(KeywordMatcher.JRAFT, 0, 17.2)));
        }
        if (question.strip().equals("谢谢")) {
            return new Match(question, Decision.IGNORE, 0, List.of());
        }
        return new Match(question, Decision.ESCALATE, 0.1, List.of());
    }
}
