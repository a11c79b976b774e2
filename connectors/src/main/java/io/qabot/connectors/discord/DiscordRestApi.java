package io.qabot.connectors.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import io.qabot.connectors.time.EpochTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST calls: a reply with a message reference to the asker's message, and the edit of
 * a deferred interaction response. Every response's rate-limit headers are read: when
 * {@code X-RateLimit-Remaining} reaches 0 the channel is held for
 * {@code X-RateLimit-Reset-After}, so the next post waits instead of drawing a 429 (a 429's
 * {@code Retry-After} is waited out by the shared client).
 */
final class DiscordRestApi {
    private static final Logger log = LoggerFactory.getLogger(DiscordRestApi.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    private final String base;
    private final String botToken;
    private final OutboundClient client;
    private final ChannelPacer pacer;
    private final Clock clock;

    DiscordRestApi(URI apiUrl, String botToken, OutboundClient client, ChannelPacer pacer, Clock clock) {
        this.base = apiUrl.toString().replaceAll("/+$", "");
        this.botToken = botToken;
        this.client = client;
        this.pacer = pacer;
        this.clock = clock;
    }

    /**
     * Posts {@code content} into {@code channelId} as a reply to {@code replyTo}, allowed to ping
     * only {@code askerId}: nothing from the knowledge can ping anyone else or everyone. With
     * {@code replyTo} null, or not a snowflake (Discord would refuse the whole message), it is a
     * plain post without {@code message_reference}; with {@code askerId} null it pings no one.
     */
    CompletableFuture<Void> reply(String channelId, String replyTo, String askerId, String content) {
        return post(channelId, replyTo, askerId, content).thenApply(posted -> null);
    }

    /** As {@link #reply}, telling the created message's id: what a member's reaction names. */
    CompletableFuture<java.util.Optional<String>> post(String channelId, String replyTo, String askerId, String content) {
        ObjectNode body = JSON.createObjectNode().put("content", content);
        if (replyTo != null && SNOWFLAKE.matcher(replyTo).matches()) {
            // the question may be deleted by the time the answer comes: post anyway
            body.putObject("message_reference").put("message_id", replyTo).put("fail_if_not_exists", false);
        } else if (replyTo != null) {
            log.warn("discord: {} is not a message id in {}; posting without a reference to it", replyTo, channelId);
        }
        allowOnly(body, askerId);
        URI uri = URI.create(base + "/channels/" + channelId + "/messages");
        return pacer.submit(channelId, () -> send(uri, "POST", body, true))
                .thenApply(response -> {
                    honourRateLimit(channelId, response);
                    check(response, "create message in " + channelId);
                    return createdId(response.body());
                });
    }

    private static java.util.Optional<String> createdId(byte[] body) {
        try {
            JsonNode created = body == null || body.length == 0 ? null : JSON.readTree(body);
            String id = created == null ? "" : created.path("id").asText("");
            return SNOWFLAKE.matcher(id).matches() ? java.util.Optional.of(id) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Replaces the "thinking…" of a deferred interaction response with the answer. */
    CompletableFuture<Void> editOriginal(String applicationId, String interactionToken, String askerId, String content) {
        ObjectNode body = JSON.createObjectNode().put("content", content);
        allowOnly(body, askerId);
        URI uri = URI.create(base + "/webhooks/" + applicationId + "/" + interactionToken + "/messages/@original");
        // the interaction token authorises this call; the bot token is not needed
        return send(uri, "PATCH", body, false).thenAccept(response -> check(response, "edit interaction response"));
    }

    private static void allowOnly(ObjectNode body, String askerId) {
        ObjectNode allowed = body.putObject("allowed_mentions");
        allowed.putArray("parse");
        if (askerId != null) {
            allowed.putArray("users").add(askerId);
        }
        allowed.put("replied_user", true);
    }

    private CompletableFuture<HttpResponse<byte[]>> send(URI uri, String method, ObjectNode body, boolean botAuth) {
        HttpRequest.Builder request;
        try {
            request = client.request(uri)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "DiscordBot (https://github.com/qabot/qabot, 0.1)")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (botAuth) {
            request.header("Authorization", "Bot " + botToken);
        }
        return client.send(request.build());
    }

    private void honourRateLimit(String channelId, HttpResponse<?> response) {
        String remaining = response.headers().firstValue("X-RateLimit-Remaining").orElse(null);
        String resetAfter = response.headers().firstValue("X-RateLimit-Reset-After").orElse(null);
        if ("0".equals(remaining) && resetAfter != null) {
            // a header we cannot read is skipped: the 429 path still protects us
            EpochTime.duration(resetAfter).ifPresent(wait -> pacer.holdUntil(channelId, clock.instant().plus(wait)));
        }
    }

    private static void check(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("discord refused to " + what + ": HTTP " + response.statusCode());
        }
    }
}
