package io.qabot.connectors.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.WeChatConfig;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.token.AccessTokenCache;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The customer-service message API ({@code POST /cgi-bin/message/custom/send}), with an access
 * token from {@code GET /cgi-bin/token}. WeChat refuses it (errcode 45015) more than 48 hours
 * after the reader's last message.
 */
final class WeChatCustomerService {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The access token is invalid or expired: fetch a new one and try once more. */
    private static final Set<Integer> TOKEN_REJECTED = Set.of(40001, 40014, 42001);
    static final int OUT_OF_TIME = 45015;

    private final WeChatConfig config;
    private final OutboundClient client;
    private final Clock clock;
    private final AccessTokenCache token;

    WeChatCustomerService(WeChatConfig config, OutboundClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.token = new AccessTokenCache(clock, this::fetchToken);
    }

    boolean available() {
        return config.appSecret().isPresent();
    }

    CompletableFuture<Void> sendText(String reader, String text) {
        ObjectNode body = JSON.createObjectNode().put("touser", reader).put("msgtype", "text");
        body.putObject("text").put("content", text);
        return send(body, true);
    }

    private CompletableFuture<Void> send(ObjectNode body, boolean firstTry) {
        return token.get().thenCompose(accessToken -> client.send(client.request(
                                api("/cgi-bin/message/custom/send?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(string(body), StandardCharsets.UTF_8))
                        .build())
                .thenCompose(response -> {
                    int errcode = json(response).path("errcode").asInt(0);
                    if (firstTry && TOKEN_REJECTED.contains(errcode)) {
                        token.invalidate(accessToken);
                        return send(body, false);
                    }
                    if (response.statusCode() / 100 != 2 || errcode != 0) {
                        throw new IllegalStateException(errcode == OUT_OF_TIME
                                ? "WeChat refuses customer-service messages 48 hours after the reader's last message (45015)"
                                : "WeChat message/custom/send answered " + response.statusCode() + ": "
                                        + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    return CompletableFuture.<Void>completedFuture(null);
                }));
    }

    private CompletableFuture<AccessTokenCache.Token> fetchToken() {
        String secret = config.appSecret().orElseThrow().value();
        URI uri = api("/cgi-bin/token?grant_type=client_credential&appid=" + URLEncoder.encode(config.appId(), StandardCharsets.UTF_8)
                + "&secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        Instant asked = clock.instant();
        return client.send(client.request(uri).GET().build()).thenApply(response -> {
            JsonNode json = json(response);
            String value = json.path("access_token").asText("");
            if (response.statusCode() / 100 != 2 || value.isBlank()) {
                // the URL carries the secret: report the answer, never the request
                throw new IllegalStateException("WeChat gave no access_token: errcode " + json.path("errcode").asInt(-1));
            }
            return new AccessTokenCache.Token(value, asked.plusSeconds(json.path("expires_in").asLong(7200)));
        });
    }

    private URI api(String pathAndQuery) {
        String base = config.apiUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            return json == null ? JSON.createObjectNode() : json;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String string(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
