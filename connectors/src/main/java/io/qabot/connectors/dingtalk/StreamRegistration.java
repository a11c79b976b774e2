package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.DingTalkConfig;
import io.qabot.connectors.outbound.OutboundClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Asks DingTalk for a Stream connection: {@code POST {apiUrl}/v1.0/gateway/connections/open}
 * with the app's key and secret (the only authentication Stream mode has; frames carry no
 * signature) and the one subscription the bot needs, the robot-message CALLBACK topic. The
 * answer is an endpoint and a single-use ticket, so every connection, reconnections included,
 * starts here.
 */
final class StreamRegistration {
    static final String PATH = "/v1.0/gateway/connections/open";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DingTalkConfig config;
    private final OutboundClient client;

    /** Where to connect: the endpoint with the ticket in its query, as the SDKs build it. */
    record Ticket(URI endpoint, String ticket) {
        URI connectUri() {
            String base = endpoint.toString();
            return URI.create(base + (base.contains("?") ? "&" : "?") + "ticket="
                    + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
        }

        /** Never the ticket: it is a credential until used. */
        @Override
        public String toString() {
            return "Ticket[" + endpoint + "]";
        }
    }

    StreamRegistration(DingTalkConfig config, OutboundClient client) {
        this.config = config;
        this.client = client;
    }

    CompletableFuture<Ticket> open() {
        ObjectNode body = JSON.createObjectNode()
                .put("clientId", config.appKey())
                .put("clientSecret", config.appSecret().value());
        body.putArray("subscriptions").addObject().put("type", StreamFrame.CALLBACK).put("topic", StreamFrame.ROBOT_MESSAGES);
        body.put("ua", "qabot-dingtalk-stream/1");
        HttpRequest request = client.request(api())
                .header("Content-Type", "application/json; charset=utf-8")
                // without it the gateway has been seen to answer in XML (the Node.js SDK's note)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return client.send(request).thenApply(StreamRegistration::ticket);
    }

    private static Ticket ticket(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String shown = text.length() <= 200 ? text : text.substring(0, 200) + "…";
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("DingTalk " + PATH + " answered " + response.statusCode() + ": " + shown
                    + (response.statusCode() / 100 == 4 ? " (check appKey and appSecret, and that the robot uses Stream mode)" : ""));
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        String endpoint = json == null ? "" : json.path("endpoint").asText("");
        String ticket = json == null ? "" : json.path("ticket").asText("");
        if (endpoint.isBlank() || ticket.isBlank()) {
            throw new IllegalStateException("DingTalk " + PATH + " gave no endpoint and ticket: " + shown);
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DingTalk " + PATH + " gave an endpoint that is not a URL: " + endpoint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalStateException("DingTalk " + PATH + " gave an endpoint that is not ws:// or wss://: " + endpoint);
        }
        return new Ticket(uri, ticket);
    }

    private URI api() {
        String base = config.apiUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH);
    }
}
