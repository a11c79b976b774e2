package io.qabot.connectors.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.config.WeComConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.ReplayWindow;
import io.qabot.connectors.weixin.WeixinCipher;
import io.qabot.connectors.weixin.WeixinCryptoException;
import io.qabot.connectors.weixin.WeixinSignature;
import io.qabot.connectors.xml.FlatXml;
import io.qabot.connectors.xml.MalformedXmlException;
import io.qabot.core.ChatSender;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeCom's callback at {@code /hooks/wecom}. Every request carries {@code msg_signature},
 * {@code timestamp} and {@code nonce}; the signature covers the ciphertext, so it is checked
 * before anything is decrypted, and a request failing it, the replay window or the
 * decryption gets 401 and nothing else happens. Messages are acknowledged with an empty 200
 * (which stops WeCom's retries) and answered asynchronously.
 */
public final class WeComConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(WeComConnector.class);
    static final String PATH = "/hooks/wecom";
    /**
     * WeCom documents no window; its retries come within seconds (a 5 s deadline, three
     * tries), so five minutes refuses replays without refusing retries or modest clock skew.
     */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /** WeCom's response_url answers its message once, within an hour. */
    private static final Duration RESPONSE_URL_LIFE = Duration.ofHours(1);

    private final WeComConfig config;
    private final Pipeline pipeline;
    private final Clock clock;
    private final ReplayWindow window;
    private final WeixinSignature signature;
    private final WeixinCipher cipher;
    private final WeComRobot robot;
    /** Each message's response_url by msgid, until the bot's reply to it takes it; bounded. */
    private final Cache<String, URI> responseUrls;
    private final ChatSender sender = this::send;

    public WeComConnector(WeComConfig config, Pipeline pipeline, OutboundClient client, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = ReplayWindow.seconds(MAX_SKEW, clock);
        this.signature = new WeixinSignature(config.token());
        // the AI bot encrypts for the empty receive id, a classic app for the CorpID
        this.cipher = new WeixinCipher(config.encodingAesKey(), config.corpId().orElse(""));
        this.robot = new WeComRobot(client);
        this.responseUrls = Caffeine.newBuilder().expireAfterWrite(RESPONSE_URL_LIFE).maximumSize(10_000).build();
    }

    @Override
    public Platform platform() {
        return Platform.WECOM;
    }

    @Override
    public List<Route> routes() {
        return List.of(new CallbackRoute(HttpMethod.GET), new CallbackRoute(HttpMethod.POST));
    }

    @Override
    public ChatSender sender() {
        return sender;
    }

    /** URL verification: decrypt {@code echostr} and answer it in plain text. */
    private RouteResponse verifyUrl(RouteRequest request) {
        // Base64 has no spaces: a '+' that arrived unencoded was decoded as one
        String echo = query(request.query(), "echostr").map(s -> s.replace(' ', '+')).orElse(null);
        try {
            checkSignature(request.query(), echo);
            return new RouteResponse(200, "text/plain; charset=utf-8",
                    cipher.decrypt(echo).getBytes(StandardCharsets.UTF_8), Map.of());
        } catch (Refusal | WeixinCryptoException e) {
            log.debug("refused WeCom URL verification from {}: {}", request.remote(), e.getMessage());
            return RouteResponse.error(401, e.getMessage());
        }
    }

    private RouteResponse receive(RouteRequest request) {
        String encrypted;
        try {
            encrypted = encryptField(request.body());
        } catch (Refusal e) {
            return RouteResponse.error(400, e.getMessage());
        }
        String plaintext;
        try {
            checkSignature(request.query(), encrypted);
            plaintext = cipher.decrypt(encrypted);
        } catch (Refusal | WeixinCryptoException e) {
            log.debug("refused WeCom callback from {}: {}", request.remote(), e.getMessage());
            return RouteResponse.error(401, e.getMessage());
        }
        try {
            WeComMessage.read(plaintext, clock.instant()).ifPresentOrElse(this::accept,
                    () -> log.debug("WeCom callback ignored: not a text message"));
        } catch (WrongField wrong) {
            // acknowledged (WeCom would only deliver it again) and left alone, with the reason
            log.debug("WeCom callback ignored: {}", wrong.getMessage());
        }
        return new RouteResponse(200, "text/plain; charset=utf-8", new byte[0], Map.of());
    }

    private void checkSignature(Map<String, List<String>> query, String encrypted) throws Refusal {
        String timestamp = query(query, "timestamp").orElse(null);
        String nonce = query(query, "nonce").orElse(null);
        String msgSignature = query(query, "msg_signature").orElse(null);
        if (timestamp == null || nonce == null || msgSignature == null || encrypted == null) {
            throw new Refusal("missing msg_signature, timestamp, nonce or ciphertext");
        }
        String stale = window.refusal(timestamp, "timestamp");
        if (stale != null) {
            throw new Refusal(stale);
        }
        if (!signature.verify(msgSignature, timestamp, nonce, encrypted)) {
            throw new Refusal("msg_signature does not match");
        }
    }

    /** The ciphertext from the app's XML or the AI bot's JSON. */
    private static String encryptField(byte[] body) throws Refusal {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '<') {
            try {
                return FlatXml.parse(body).get("Encrypt").orElseThrow(() -> new Refusal("XML body has no Encrypt"));
            } catch (MalformedXmlException e) {
                throw new Refusal(e.getMessage());
            }
        }
        JsonNode json;
        try {
            json = JsonBody.object(body);
        } catch (MalformedJsonException e) {
            throw new Refusal(e.getMessage());
        }
        if (!json.path("encrypt").isTextual()) {
            throw new Refusal("body has no encrypt field");
        }
        return json.path("encrypt").asText();
    }

    private void accept(WeComMessage message) {
        if (message.responseUrl() != null) {
            responseUrls.put(message.msgId(), message.responseUrl());
        }
        pipeline.handle(message.toChatMessage())
                .thenCompose(handled -> pipeline.deliver(handled, sender))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("WeCom reply to {} in {} failed", message.msgId(), message.chat(), failure);
                    }
                });
    }

    private CompletableFuture<Void> post(URI responseUrl, String markdown) {
        if (responseUrl != null) {
            return robot.postMarkdown(responseUrl, markdown, "response_url");
        }
        Optional<URI> webhook = config.webhookUrl().map(Secret::value).map(URI::create);
        if (webhook.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "WeCom has no webhookUrl configured, and the message came without a response_url"));
        }
        return robot.postMarkdown(webhook.get(), markdown, "group robot webhook");
    }

    /**
     * The bot's own reply to a message goes to that message's response_url while it holds; later
     * messages (a maintainer's answer, an announcement) go through the group robot, which posts
     * into its group and replies to no message: the text carries any mention of the asker.
     */
    private CompletableFuture<Void> send(OutboundMessage message) {
        if (message.platform() != Platform.WECOM) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "WeCom connector cannot send to " + message.platform().wireName()));
        }
        URI responseUrl = message.author() == OutboundMessage.Author.BOT
                ? message.replyTo().map(responseUrls.asMap()::remove).orElse(null) : null;
        return post(responseUrl, message.text());
    }

    private static Optional<String> query(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A request that is not WeCom's; the message is the 401's reason. */
    private static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    private final class CallbackRoute implements Route {
        private final HttpMethod method;

        CallbackRoute(HttpMethod method) {
            this.method = method;
        }

        @Override
        public HttpMethod method() {
            return method;
        }

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public CompletableFuture<RouteResponse> handle(RouteRequest request) {
            return CompletableFuture.completedFuture(method == HttpMethod.GET ? verifyUrl(request) : receive(request));
        }

        @Override
        public String name() {
            return "wecom connector";
        }
    }
}
