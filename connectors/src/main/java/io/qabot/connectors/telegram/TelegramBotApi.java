package io.qabot.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API methods the connector calls, at {@code {apiUrl}/bot<token>/<method>} with JSON
 * bodies. Every answer is {@code {"ok": …, "result": …}}; a refusal fails the future with
 * Telegram's description. A 429 that outlasts the shared client's retries carries
 * {@code parameters.retry_after}: the chat is held that long and the message sent once more.
 */
final class TelegramBotApi {
    private static final Logger log = LoggerFactory.getLogger(TelegramBotApi.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);

    private final String base;
    private final OutboundClient client;
    private final ChannelPacer pacer;
    private final Clock clock;

    TelegramBotApi(URI apiUrl, String botToken, OutboundClient client, ChannelPacer pacer, Clock clock) {
        this.base = apiUrl.toString().replaceAll("/+$", "") + "/bot" + botToken + "/";
        this.client = client;
        this.pacer = pacer;
        this.clock = clock;
    }

    CompletableFuture<BotIdentity> getMe() {
        return call("getMe", JSON.createObjectNode(), null).thenApply(result ->
                new BotIdentity(result.path("id").asLong(), result.path("username").asText("")));
    }

    /**
     * @param longPoll how long Telegram may hold the request open waiting for updates
     */
    CompletableFuture<JsonNode> getUpdates(long offset, Duration longPoll) {
        ObjectNode body = JSON.createObjectNode()
                .put("offset", offset)
                .put("timeout", longPoll.toSeconds());
        body.putArray("allowed_updates").add("message").add("message_reaction");
        // the request outlives the client's usual timeout by the long poll itself
        return call("getUpdates", body, longPoll.plusSeconds(10));
    }

    /**
     * Replies to {@code replyTo} in {@code chatId}, inside the forum topic {@code threadId} when
     * there is one; with {@code replyTo} null (or not a Telegram message id, which Telegram would
     * refuse) it is a plain post without {@code reply_parameters}. The text is HTML already
     * escaped by the reply renderer.
     */
    CompletableFuture<Void> sendMessage(String chatId, String threadId, String replyTo, String html) {
        return postMessage(chatId, threadId, replyTo, html).thenApply(posted -> null);
    }

    /** As {@link #sendMessage}, telling the posted message's {@code message_id}: what a member's reaction names. */
    CompletableFuture<Optional<String>> postMessage(String chatId, String threadId, String replyTo, String html) {
        ObjectNode body = JSON.createObjectNode();
        if (chatId.matches("-?\\d+")) {
            body.put("chat_id", Long.parseLong(chatId));
        } else {
            body.put("chat_id", chatId);   // @channelusername
        }
        body.put("text", html).put("parse_mode", "HTML");
        body.putObject("link_preview_options").put("is_disabled", true);
        if (threadId != null) {
            body.put("message_thread_id", Long.parseLong(threadId));
        }
        Long replyToId = messageId(replyTo);
        if (replyToId != null) {
            // the asker's message may be deleted by the time the answer comes: post anyway
            body.putObject("reply_parameters").put("message_id", replyToId)
                    .put("allow_sending_without_reply", true);
        } else if (replyTo != null) {
            log.warn("telegram: {} is not a message id in {}; posting without replying to it", replyTo, chatId);
        }
        // the pacing wait counts against outbound.maxPending: a burst into one chat stays bounded
        return call("sendMessage", body, null, send -> pacer.submit(chatId, send))
                .handle((result, failure) -> {
                    if (failure != null && rootCause(failure) instanceof TooManyRequests tooMany
                            && tooMany.retryAfter.compareTo(LONGEST_HOLD) <= 0) {
                        pacer.holdUntil(chatId, clock.instant().plus(tooMany.retryAfter));
                        // the pacing wait counts against outbound.maxPending: a burst into one chat stays bounded
        return call("sendMessage", body, null, send -> pacer.submit(chatId, send));
                    }
                    return failure != null ? CompletableFuture.<JsonNode>failedFuture(failure)
                            : CompletableFuture.completedFuture(result);
                })
                .thenCompose(next -> next)
                .thenApply(result -> result != null && result.hasNonNull("message_id")
                        ? Optional.of(result.get("message_id").asText()) : Optional.<String>empty());
    }

    /** Telegram's message ids are integers; anything else (or null) names no message. */
    private static Long messageId(String replyTo) {
        if (replyTo == null || !replyTo.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(replyTo);
    }

    private CompletableFuture<JsonNode> call(String method, ObjectNode body, Duration timeout) {
        return call(method, body, timeout, java.util.function.Supplier::get);
    }

    private CompletableFuture<JsonNode> call(String method, ObjectNode body, Duration timeout,
                                             java.util.function.Function<java.util.function.Supplier<
                                                     CompletableFuture<HttpResponse<byte[]>>>,
                                                     CompletableFuture<HttpResponse<byte[]>>> gate) {
        HttpRequest.Builder request;
        try {
            request = client.request(URI.create(base + method))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (timeout != null) {
            request.timeout(timeout);
        }
        return client.send(request.build(), gate).thenApply(response -> result(method, response));
    }

    private static JsonNode result(String method, HttpResponse<byte[]> response) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer != null && answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        String description = answer == null ? "HTTP " + response.statusCode()
                : answer.path("description").asText("HTTP " + response.statusCode());
        if (response.statusCode() == 429 && answer != null && answer.path("parameters").has("retry_after")) {
            throw new TooManyRequests(method, Duration.ofSeconds(answer.path("parameters").path("retry_after").asLong()));
        }
        // the token is part of the URL, so the method name is logged, never the URI
        throw new IllegalStateException(method + " refused: " + description);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Telegram's flood control answered: wait {@code retryAfter}. */
    static final class TooManyRequests extends RuntimeException {
        final transient Duration retryAfter;

        TooManyRequests(String method, Duration retryAfter) {
            super(method + " answered 429: retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }
    }
}
