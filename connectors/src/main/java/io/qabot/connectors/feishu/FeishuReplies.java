package io.qabot.connectors.feishu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.FeishuConfig;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Replies to a message with {@code POST /open-apis/im/v1/messages/{id}/reply}, in thread, as
 * {@code text}, or posts into a chat with {@code POST /open-apis/im/v1/messages?receive_id_type=chat_id}
 * when there is nothing to reply to; authorised by a tenant access token obtained from the app
 * id and secret.
 */
final class FeishuReplies {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Business codes meaning the tenant access token is invalid or expired: fetch a new one and try once more. */
    private static final Set<Integer> TOKEN_REJECTED = Set.of(99991661, 99991663, 99991668);
    /** "Your request contains an invalid request parameter", with {@code ext=invalid message_id} for an unknown message. */
    private static final int INVALID_PARAMETER = 230001;
    /** The message to reply to was withdrawn. */
    private static final int MESSAGE_WITHDRAWN = 230011;

    private final FeishuConfig config;
    private final OutboundClient client;
    private final Clock clock;
    private final AccessTokenCache token;

    FeishuReplies(FeishuConfig config, OutboundClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.token = new AccessTokenCache(clock, this::fetchToken);
    }

    /**
     * @param idempotencyKey the same key for the same reply, so a retried request is not posted
     *     twice (Feishu de-duplicates on {@code uuid} for an hour)
     */
    CompletableFuture<Void> reply(String messageId, String text, String idempotencyKey) {
        return replyPosted(messageId, text, idempotencyKey).thenApply(posted -> null);
    }

    /** As {@link #reply}, telling the reply's own {@code message_id}: what a member's reaction names. */
    CompletableFuture<Optional<String>> replyPosted(String messageId, String text, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode().put("msg_type", "text");
        body.put("content", string(JSON.createObjectNode().put("text", text)));
        body.put("reply_in_thread", true);
        body.put("uuid", UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString());
        URI uri = api("/open-apis/im/v1/messages/" + URLEncoder.encode(messageId, StandardCharsets.UTF_8) + "/reply");
        return post(uri, body, true, "message reply").thenApply(json -> {
            String id = json.path("data").path("message_id").asText("");
            return id.isBlank() ? Optional.<String>empty() : Optional.of(id);
        });
    }

    /**
     * Posts {@code text} into the chat {@code chatId} ({@code oc_…}), replying to nothing.
     *
     * @param idempotencyKey as for {@link #reply}
     */
    CompletableFuture<Optional<String>> send(String chatId, String text, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode().put("receive_id", chatId).put("msg_type", "text");
        body.put("content", string(JSON.createObjectNode().put("text", text)));
        body.put("uuid", UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString());
        return post(api("/open-apis/im/v1/messages?receive_id_type=chat_id"), body, true, "message create")
                .thenApply(json -> {
                    String id = json.path("data").path("message_id").asText("");
                    return id.isBlank() ? Optional.<String>empty() : Optional.of(id);
                });
    }

    /** The bot's own {@code open_id}, which Feishu puts in the {@code mentions} of a message that @s it. */
    CompletableFuture<String> botOpenId() {
        return token.get().thenCompose(tenantToken -> client.send(client.request(api("/open-apis/bot/v3/info"))
                        .header("Authorization", "Bearer " + tenantToken)
                        .GET()
                        .build())
                .thenApply(response -> {
                    JsonNode json = json(response);
                    requireOk("bot info", response, json);
                    String openId = json.path("bot").path("open_id").asText("");
                    if (openId.isBlank()) {
                        throw new IllegalStateException("Feishu bot info has no bot.open_id: is the bot capability enabled?");
                    }
                    return openId;
                }));
    }

    /**
     * Whether a reply failed because Feishu knows no such message to reply to (an invalid
     * {@code message_id}, or one withdrawn since), so a plain post into the chat may take its place.
     */
    static boolean noSuchMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused.code == MESSAGE_WITHDRAWN
                        || refused.code == INVALID_PARAMETER && refused.getMessage().contains("message_id");
            }
        }
        return false;
    }

    /** POSTs with the tenant token (fetched again once when Feishu rejects it); the answer's JSON when it is a success. */
    private CompletableFuture<JsonNode> post(URI uri, ObjectNode body, boolean firstTry, String what) {
        return token.get().thenCompose(tenantToken -> client.send(client.request(uri)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Authorization", "Bearer " + tenantToken)
                        .POST(HttpRequest.BodyPublishers.ofString(string(body), StandardCharsets.UTF_8))
                        .build())
                .thenCompose(response -> {
                    JsonNode json = json(response);
                    if (firstTry && TOKEN_REJECTED.contains(json.path("code").asInt(0))) {
                        token.invalidate(tenantToken);
                        return post(uri, body, false, what);
                    }
                    requireOk(what, response, json);
                    return CompletableFuture.completedFuture(json);
                }));
    }

    private CompletableFuture<AccessTokenCache.Token> fetchToken() {
        ObjectNode body = JSON.createObjectNode().put("app_id", config.appId()).put("app_secret", config.appSecret().value());
        Instant asked = clock.instant();
        return client.send(client.request(api("/open-apis/auth/v3/tenant_access_token/internal"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(string(body), StandardCharsets.UTF_8))
                        .build())
                .thenApply(response -> {
                    JsonNode json = json(response);
                    requireOk("tenant_access_token", response, json);
                    String value = json.path("tenant_access_token").asText("");
                    if (value.isBlank()) {
                        throw new IllegalStateException("Feishu gave no tenant_access_token");
                    }
                    return new AccessTokenCache.Token(value, asked.plusSeconds(json.path("expire").asLong(7200)));
                });
    }

    private static void requireOk(String what, HttpResponse<byte[]> response, JsonNode json) {
        if (response.statusCode() / 100 != 2 || json.path("code").asInt(-1) != 0) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            throw new Refused(json.path("code").asInt(-1), "Feishu " + what + " answered " + response.statusCode() + ": "
                    + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
    }

    /** Feishu refused a call; {@code code} is its business code, -1 when it gave none. */
    static final class Refused extends IllegalStateException {
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            return json == null ? JSON.createObjectNode() : json;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private URI api(String path) {
        String base = config.apiUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String string(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
