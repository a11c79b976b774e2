package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.DingTalkConfig;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.token.AccessTokenCache;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts markdown into a DingTalk conversation: to the conversation's latest
 * {@code sessionWebhook} while it has at least {@link #SESSION_MARGIN} left, otherwise through
 * the OpenAPI ({@code groupMessages/send} for groups, {@code oToMessages/batchSend} for 1:1)
 * with an access token obtained from the app key and secret.
 */
final class DingTalkReplies {
    /** A session webhook this close to expiry is not trusted: the post could arrive after it. */
    static final Duration SESSION_MARGIN = Duration.ofMinutes(1);
    /** DingTalk grants a session webhook about 90 minutes; a body claiming longer is not believed. */
    static final Duration SESSION_MAX = Duration.ofHours(2);
    /** Where DingTalk's session webhooks live ({@code https://oapi.dingtalk.com/robot/sendBySession?session=…}). */
    static final URI DINGTALK_SESSIONS = URI.create("https://oapi.dingtalk.com/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DingTalkConfig config;
    private final OutboundClient client;
    private final Clock clock;
    private final AccessTokenCache token;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Set<Origin> trusted;

    private record Session(URI webhook, Instant expires, boolean group) {
    }

    DingTalkReplies(DingTalkConfig config, OutboundClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.token = new AccessTokenCache(clock, this::fetchToken);
        this.trusted = Set.copyOf(List.of(Origin.of(DINGTALK_SESSIONS), Origin.of(config.apiUrl())));
    }

    /**
     * Keeps the message's session webhook for this conversation's replies, the maintainers' later
     * ones included. The URL comes from the message body, so it is taken only on DingTalk's own
     * origin (or the configured {@code apiUrl}'s), for at most {@link #SESSION_MAX}, and a later
     * message never moves a conversation's webhook to another origin.
     */
    void remember(DingTalkRobotMessage message) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.expires().isBefore(now));
        URI webhook = message.sessionWebhook() != null && trusted.contains(Origin.of(message.sessionWebhook()))
                ? message.sessionWebhook() : null;
        Instant expires = earlier(message.sessionExpires(), now.plus(SESSION_MAX));
        sessions.compute(message.conversationId(), (id, known) -> {
            Session fresh = new Session(webhook, expires, message.group());
            if (webhook == null) {
                return known == null ? new Session(null, Instant.EPOCH, message.group()) : known;
            }
            if (known != null && known.webhook() != null && known.expires().isAfter(now)
                    && !Origin.of(known.webhook()).equals(Origin.of(webhook))) {
                return known;
            }
            return known == null || known.expires().isBefore(fresh.expires()) ? fresh : known;
        });
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Scheme, host and port: what decides where a post goes. */
    record Origin(String scheme, String host, int port) {
        static Origin of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return new Origin(scheme, host, port);
        }
    }

    /**
     * Posts {@code markdown} into {@code conversationId}, @-mentioning {@code userId}, or no one
     * when it is null (a post into a group, such as an announcement: the OpenAPI group send when
     * no session webhook is at hand).
     */
    CompletableFuture<Void> post(String conversationId, String userId, String markdown) {
        Session session = sessions.get(conversationId);
        if (session != null && session.webhook() != null
                && clock.instant().plus(SESSION_MARGIN).isBefore(session.expires())) {
            return postToSession(session.webhook(), userId, markdown);
        }
        boolean group = session == null || session.group();
        if (!group && userId == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "DingTalk 1:1 conversation " + conversationId + " needs a user to send to"));
        }
        return postByOpenApi(conversationId, group, userId, markdown, true);
    }

    private CompletableFuture<Void> postToSession(URI webhook, String userId, String markdown) {
        ObjectNode body = JSON.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", title(markdown)).put("text", markdown);
        ObjectNode at = body.putObject("at");
        if (userId != null) {
            at.putArray("atUserIds").add(userId);
        }
        at.put("isAtAll", false);
        HttpRequest request = client.request(webhook)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build();
        return client.send(request).thenAccept(response -> requireOk("sessionWebhook", response));
    }

    private CompletableFuture<Void> postByOpenApi(String conversationId, boolean group, String userId, String markdown,
                                                  boolean firstTry) {
        ObjectNode body = JSON.createObjectNode().put("robotCode", config.robotCode());
        if (group) {
            body.put("openConversationId", conversationId);
        } else {
            body.putArray("userIds").add(userId);
        }
        body.put("msgKey", "sampleMarkdown");
        // msgParam is itself a JSON string, not an object
        body.put("msgParam", new String(bytes(JSON.createObjectNode().put("title", title(markdown)).put("text", markdown)),
                java.nio.charset.StandardCharsets.UTF_8));
        String path = group ? "/v1.0/robot/groupMessages/send" : "/v1.0/robot/oToMessages/batchSend";
        return token.get().thenCompose(accessToken -> client.send(client.request(api(path))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("x-acs-dingtalk-access-token", accessToken)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                        .build())
                .thenCompose(response -> {
                    if (firstTry && tokenRejected(response)) {
                        token.invalidate(accessToken);
                        return postByOpenApi(conversationId, group, userId, markdown, false);
                    }
                    requireOk(path, response);
                    return CompletableFuture.<Void>completedFuture(null);
                }));
    }

    private CompletableFuture<AccessTokenCache.Token> fetchToken() {
        ObjectNode body = JSON.createObjectNode().put("appKey", config.appKey()).put("appSecret", config.appSecret().value());
        HttpRequest request = client.request(api("/v1.0/oauth2/accessToken"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build();
        Instant asked = clock.instant();
        return client.send(request).thenApply(response -> {
            JsonNode json = requireOk("oauth2/accessToken", response);
            String value = json.path("accessToken").asText("");
            if (value.isBlank()) {
                throw new IllegalStateException("DingTalk gave no accessToken: " + abbreviate(response.body()));
            }
            return new AccessTokenCache.Token(value, asked.plusSeconds(json.path("expireIn").asLong(7200)));
        });
    }

    private static boolean tokenRejected(HttpResponse<byte[]> response) {
        if (response.statusCode() == 401) {
            return true;
        }
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        return response.statusCode() / 100 == 4 && body.contains("InvalidAuthentication");
    }

    /** The response's JSON; fails unless the status is 2xx and any {@code errcode} is 0. */
    private static JsonNode requireOk(String what, HttpResponse<byte[]> response) {
        JsonNode json;
        try {
            json = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (response.statusCode() / 100 != 2 || json.path("errcode").asInt(0) != 0) {
            throw new IllegalStateException("DingTalk " + what + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return json;
    }

    private URI api(String path) {
        String base = config.apiUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** DingTalk shows the title in notifications and the chat list: the reply's first words. */
    static String title(String markdown) {
        String firstLine = markdown.strip().lines().findFirst().orElse("").replace("*", "").strip();
        return firstLine.length() <= 30 ? firstLine : firstLine.substring(0, 29) + "…";
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
