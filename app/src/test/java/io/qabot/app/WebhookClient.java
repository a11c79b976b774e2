package io.qabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Talks to a running bot over HTTP: signed webhook messages, the ask route and the admin API. */
public final class WebhookClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MESSAGES = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String secret;
    private final String token;

    public WebhookClient(int port, String secret, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.secret = secret;
        this.token = token;
    }

    /** Posts a chat message through the generic webhook and returns the bot's response object. */
    public JsonNode say(String chat, String thread, String user, String text) throws IOException, InterruptedException {
        return say(chat, thread, user, text, true);
    }

    /** As {@link #say(String, String, String, String)}, addressed to the bot or not. */
    public JsonNode say(String chat, String thread, String user, String text, boolean mentioned)
            throws IOException, InterruptedException {
        return say(chat, thread, user, text, mentioned, null);
    }

    /** As {@link #say(String, String, String, String, boolean)}, replying to the bot's reply {@code replyTo} when not null. */
    public JsonNode say(String chat, String thread, String user, String text, boolean mentioned, String replyTo)
            throws IOException, InterruptedException {
        ObjectNode message = JSON.createObjectNode();
        if (replyTo != null) {
            message.put("reply_to", replyTo);
        }
        message.put("id", "m-" + ProcessHandle.current().pid() + "-" + MESSAGES.incrementAndGet());
        message.put("chat", chat);
        message.put("thread", thread);
        message.putObject("user").put("id", user).put("name", "Name " + user);
        message.put("text", text);
        message.put("mentioned", mentioned);
        byte[] body = JSON.writeValueAsBytes(message);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/hooks/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Qabot-Timestamp", timestamp)
                .header("X-Qabot-Signature", "sha256=" + hmac(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The bot's verdict on a question, from {@code POST /api/v1/ask}. */
    public JsonNode ask(String text) throws IOException, InterruptedException {
        return json(send("POST", "/api/v1/ask", JSON.createObjectNode().put("text", text).toString(), null));
    }

    /** An admin API call with the client's token; returns the response. */
    public HttpResponse<String> admin(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, token);
    }

    public HttpResponse<String> send(String method, String path, String body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static String answerBody(String answer, String maintainer, String... links) {
        ObjectNode body = JSON.createObjectNode().put("answer", answer).put("maintainer", maintainer);
        var array = body.putArray("links");
        for (String link : links) {
            array.add(link);
        }
        return body.toString();
    }

    private String hmac(String timestamp, byte[] body) {
        return hmac(secret, timestamp, body);
    }

    /** The lowercase hex HMAC-SHA256 of {@code timestamp + "." + body}, as the contract signs both ways. */
    static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
