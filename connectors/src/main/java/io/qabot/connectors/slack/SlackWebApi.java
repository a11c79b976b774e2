package io.qabot.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.pacing.ChannelPacer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code chat.postMessage} with the bot token, through the shared client (which waits out a
 * 429's {@code Retry-After}) and the channel pacer (one message a second per channel, Slack's
 * documented rate for posting). Slack answers most failures with 200 and {@code ok: false};
 * those fail the future with Slack's error code.
 */
final class SlackWebApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI postMessage;
    private final String botToken;
    private final OutboundClient client;
    private final ChannelPacer pacer;

    SlackWebApi(URI apiUrl, String botToken, OutboundClient client, ChannelPacer pacer) {
        this.postMessage = URI.create(apiUrl.toString().replaceAll("/+$", "") + "/chat.postMessage");
        this.botToken = botToken;
        this.client = client;
        this.pacer = pacer;
    }

    /**
     * @param threadTs the thread's root {@code ts}, or null to post into the channel
     * @return the posted message's {@code ts}, its id in the channel and the {@code thread_ts} of replies to it
     */
    CompletableFuture<Optional<String>> postMessage(String channel, String threadTs, String text) {
        ObjectNode body = JSON.createObjectNode()
                .put("channel", channel)
                .put("text", text)
                .put("mrkdwn", true)
                // a mention is written <@U…> already; Slack must not turn other names into pings
                .put("link_names", false);
        if (threadTs != null) {
            body.put("thread_ts", threadTs);
        }
        HttpRequest request;
        try {
            request = client.request(postMessage)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Authorization", "Bearer " + botToken)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        // the pacing wait counts against outbound.maxPending: a burst into one channel stays bounded
        return client.send(request, send -> pacer.submit(channel, send)).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("chat.postMessage answered HTTP " + response.statusCode());
            }
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("chat.postMessage answered something other than JSON", e);
            }
            if (answer == null || !answer.path("ok").asBoolean(false)) {
                throw new IllegalStateException("chat.postMessage refused: "
                        + (answer == null ? "empty body" : answer.path("error").asText("no error code")));
            }
            String ts = answer.path("ts").asText("");
            return ts.isBlank() ? Optional.<String>empty() : Optional.of(ts);
        });
    }
}
