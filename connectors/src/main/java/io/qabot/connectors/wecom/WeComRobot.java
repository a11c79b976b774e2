package io.qabot.connectors.wecom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.connectors.outbound.OutboundClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Posts {@code {"msgtype":"markdown","markdown":{"content":…}}} to a WeCom robot URL: the group
 * robot's {@code …/cgi-bin/webhook/send?key=…} or an AI bot message's {@code response_url}.
 * Both answer {@code {"errcode":0}} on success. The key in the URL is the only credential, so
 * the URL is never logged.
 */
final class WeComRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundClient client;

    WeComRobot(OutboundClient client) {
        this.client = client;
    }

    CompletableFuture<Void> postMarkdown(URI url, String markdown, String what) {
        ObjectNode body = JSON.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", markdown);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return client.send(client.request(url)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build())
                .thenAccept(response -> requireOk(what, response));
    }

    private static void requireOk(String what, HttpResponse<byte[]> response) {
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        int errcode = json == null ? -1 : json.path("errcode").asInt(0);
        if (response.statusCode() / 100 != 2 || errcode != 0) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException("WeCom " + what + " answered " + response.statusCode() + ": "
                    + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
    }
}
