package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.config.DingTalkConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.core.OutboundMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The send-only custom group robot (自定义机器人), for maintainers' announcements: markdown
 * POSTed to its webhook URL, which carries the access token, with {@code timestamp} and
 * {@code sign} (URL-encoded Base64 HmacSHA256 of {@code timestamp + "\n" + secret}) appended
 * when the robot is set to sign ("加签"). DingTalk throttles it at 20 messages a minute.
 * {@link DingTalkConnector#announcer()} sends the maintainers' announcements through it.
 */
public final class DingTalkCustomRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Secret webhook;
    private final DingTalkSignature signature;
    private final OutboundClient client;
    private final Clock clock;

    private DingTalkCustomRobot(Secret webhook, Optional<Secret> secret, OutboundClient client, Clock clock) {
        this.webhook = webhook;
        this.signature = secret.map(DingTalkSignature::new).orElse(null);
        this.client = client;
        this.clock = clock;
    }

    /** The robot the configuration names, or empty when it names none. */
    public static Optional<DingTalkCustomRobot> of(DingTalkConfig config, OutboundClient client, Clock clock) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clock, "clock");
        return config.customRobotWebhook().map(url -> new DingTalkCustomRobot(url, config.customRobotSecret(), client, clock));
    }

    /**
     * Posts an announcement meant for the maintainers' chat. The robot's webhook belongs to one
     * group, so the message's chat and addressee are not used; single line breaks are made
     * ones DingTalk markdown keeps (two spaces before the newline).
     */
    CompletableFuture<Void> post(OutboundMessage message) {
        String markdown = message.text().replace("\n", "  \n");
        return announce(DingTalkReplies.title(message.text()), markdown);
    }

    public CompletableFuture<Void> announce(String title, String markdown) {
        ObjectNode body = JSON.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", title).put("text", markdown);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return client.send(client.request(signedUrl())
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build())
                .thenAccept(response -> {
                    JsonNode json;
                    try {
                        json = JSON.readTree(response.body());
                    } catch (IOException e) {
                        json = null;
                    }
                    // the URL holds the access token: report the answer, never the URL
                    if (response.statusCode() / 100 != 2 || json == null || json.path("errcode").asInt(-1) != 0) {
                        throw new IllegalStateException("DingTalk custom robot answered " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                });
    }

    URI signedUrl() {
        String url = webhook.value();
        if (signature == null) {
            return URI.create(url);
        }
        String timestamp = Long.toString(clock.millis());
        return URI.create(url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp
                + "&sign=" + URLEncoder.encode(signature.sign(timestamp), StandardCharsets.UTF_8));
    }
}
