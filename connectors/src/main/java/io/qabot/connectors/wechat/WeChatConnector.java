package io.qabot.connectors.wechat;

import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.WeChatConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.payload.WrongField;
import io.qabot.connectors.time.EpochTime;
import io.qabot.connectors.time.ReplayWindow;
import io.qabot.connectors.time.UsedSignatures;
import io.qabot.connectors.weixin.WeixinCipher;
import io.qabot.connectors.weixin.WeixinCryptoException;
import io.qabot.connectors.weixin.WeixinSignature;
import io.qabot.connectors.xml.FlatXml;
import io.qabot.connectors.xml.MalformedXmlException;
import io.qabot.core.ChatMessage;
import io.qabot.core.ChatSender;
import io.qabot.core.Handled;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Outcome;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Official Account's message push at {@code /hooks/wechat}. {@code GET} is the
 * {@code echostr} handshake; {@code POST} a reader's message. Both are refused with 401 unless
 * {@code signature} matches within the replay window; in safe mode the {@code msg_signature}
 * over the ciphertext must match too, and the ciphertext decrypt for this account.
 */
public final class WeChatConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(WeChatConnector.class);
    static final String PATH = "/hooks/wechat";
    /** WeChat waits 5 s for the passive reply and then retries; answer with a margin. */
    static final Duration PASSIVE_DEADLINE = Duration.ofMillis(4_000);
    /** WeChat documents no window; its retries come within 15 s (three tries 5 s apart). */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /** Customer-service messages are allowed this long after the reader's last message. */
    static final Duration SERVICE_WINDOW = Duration.ofHours(48);
    static final String ACKNOWLEDGEMENT = "收到你的问题，已转给社区维护者；有了答复会在这里回复你，也会收进周报的问答。";
    private static final String SUCCESS = "success";
    private static final int REMEMBERED = 10_000;

    private final WeChatConfig config;
    private final Pipeline pipeline;
    private final Clock clock;
    private final ReplayWindow window;
    private final UsedSignatures usedSignatures;
    private final PassiveDeadline passiveDeadline;
    private final WeixinSignature signature;
    private final WeixinCipher cipher;
    private final WeChatCustomerService customerService;
    private final WeChatDigestLog digest;
    /** Per reader: when they last wrote, and what; bounded, oldest forgotten first. */
    private final Map<String, Instant> lastMessage = bounded();
    private final Map<String, String> questions = bounded();

    /** @param digestFile where maintainer answers are recorded for the weekly digest; null to log them only */
    public WeChatConnector(WeChatConfig config, Pipeline pipeline, OutboundClient client, Clock clock, Path digestFile) {
        this(config, pipeline, client, clock, digestFile, PassiveDeadline.after(PASSIVE_DEADLINE));
    }

    WeChatConnector(WeChatConfig config, Pipeline pipeline, OutboundClient client, Clock clock, Path digestFile,
                    PassiveDeadline passiveDeadline) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = ReplayWindow.seconds(MAX_SKEW, clock);
        this.usedSignatures = new UsedSignatures(MAX_SKEW, clock);
        this.passiveDeadline = Objects.requireNonNull(passiveDeadline, "passiveDeadline");
        this.signature = new WeixinSignature(config.token());
        this.cipher = config.encodingAesKey().map(key -> new WeixinCipher(key, config.appId())).orElse(null);
        this.customerService = new WeChatCustomerService(config, client, clock);
        this.digest = new WeChatDigestLog(digestFile);
    }

    @Override
    public Platform platform() {
        return Platform.WECHAT;
    }

    @Override
    public List<Route> routes() {
        return List.of(new PushRoute(HttpMethod.GET), new PushRoute(HttpMethod.POST));
    }

    @Override
    public ChatSender sender() {
        return this::send;
    }

    private RouteResponse handshake(RouteRequest request) {
        String refusal = refusal(request);
        if (refusal != null) {
            return RouteResponse.error(401, refusal);
        }
        String echo = query(request, "echostr").orElse("");
        return new RouteResponse(200, "text/plain; charset=utf-8", echo.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private CompletableFuture<RouteResponse> receive(RouteRequest request) {
        String refusal = refusal(request);
        if (refusal == null && cipher == null && !usedSignatures.admit(query(request, "timestamp").orElse("") + "\n"
                + query(request, "nonce").orElse("") + "\n" + query(request, "signature").orElse(""), request.body())) {
            // plain mode signs timestamp and nonce only: a signature is good for one body
            refusal = "signature already used for another message";
        }
        if (refusal != null) {
            log.debug("refused WeChat push from {}: {}", request.remote(), refusal);
            return done(RouteResponse.error(401, refusal));
        }
        FlatXml message;
        try {
            message = cipher == null ? FlatXml.parse(request.body()) : decrypt(request);
        } catch (MalformedXmlException e) {
            return done(RouteResponse.error(400, e.getMessage()));
        } catch (WeixinCryptoException e) {
            log.debug("refused WeChat push from {}: {}", request.remote(), e.getMessage());
            return done(RouteResponse.error(401, e.getMessage()));
        }
        Optional<ChatMessage> question;
        try {
            question = question(message);
        } catch (WrongField wrong) {
            // signed by WeChat, yet not a message it documents: "success" stops the retries
            log.debug("WeChat push ignored: {}", wrong.getMessage());
            return done(plain(SUCCESS));
        }
        if (question.isEmpty()) {
            // events (subscribe, menu clicks) and pictures, voice…: "success" stops the retries
            return done(plain(SUCCESS));
        }
        ChatMessage asked = question.get();
        lastMessage.put(asked.chat(), asked.time());
        questions.put(asked.messageId(), asked.text());
        String account = message.text("ToUserName");
        CompletableFuture<Handled> handling = pipeline.handle(asked);
        CompletableFuture<Handled> inTime = handling.copy();
        passiveDeadline.start().thenRun(() -> inTime.complete(null));
        return inTime.thenApply(handled -> {
            if (handled == null) {
                handling.thenCompose(late -> later(asked, late)).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("WeChat late answer to {} failed", asked.messageId(), failure);
                    }
                });
                return plain(SUCCESS);
            }
            return passive(request, asked.chat(), account, passiveText(handled.outcome()));
        });
    }

    /** The text of the passive reply, or null for none: what the outcome says, and WeChat's own acknowledgement. */
    private static String passiveText(Outcome outcome) {
        if (outcome instanceof Outcome.Escalated) {
            return ACKNOWLEDGEMENT;
        }
        return outcome.outbound().map(OutboundMessage::text).orElse(null);
    }

    /** After the deadline passed: what would have been the passive reply goes as a customer-service message. */
    private CompletableFuture<Void> later(ChatMessage asked, Handled handled) {
        String text = passiveText(handled.outcome());
        if (text == null || handled.redelivery() || !customerService.available()) {
            return CompletableFuture.completedFuture(null);
        }
        return customerService.sendText(asked.chat(), text);
    }

    private RouteResponse passive(RouteRequest request, String reader, String account, String text) {
        if (text == null) {
            return plain(SUCCESS);
        }
        String xml = WeChatReplyXml.text(reader, account, clock.instant(), text);
        if (cipher == null) {
            return new RouteResponse(200, "application/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8), Map.of());
        }
        String encrypt = cipher.encrypt(xml);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = query(request, "nonce").orElse("");
        String envelope = WeChatReplyXml.encrypted(encrypt, signature.sign(timestamp, nonce, encrypt), timestamp, nonce);
        return new RouteResponse(200, "application/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Why the request is not WeChat's, or null: the plain signature and the replay window. */
    private String refusal(RouteRequest request) {
        String timestamp = query(request, "timestamp").orElse(null);
        String nonce = query(request, "nonce").orElse(null);
        String sign = query(request, "signature").orElse(null);
        if (timestamp == null || nonce == null || sign == null) {
            return "missing signature, timestamp or nonce";
        }
        String stale = window.refusal(timestamp, "timestamp");
        if (stale != null) {
            return stale;
        }
        return signature.verify(sign, timestamp, nonce) ? null : "signature does not match";
    }

    /** Safe mode: the envelope's Encrypt, checked against msg_signature, then decrypted for this AppID. */
    private FlatXml decrypt(RouteRequest request) throws MalformedXmlException, WeixinCryptoException {
        if (!"aes".equals(query(request, "encrypt_type").orElse(""))) {
            throw new WeixinCryptoException("safe mode is configured but the push is not encrypted");
        }
        String encrypt = FlatXml.parse(request.body()).get("Encrypt")
                .orElseThrow(() -> new MalformedXmlException("no Encrypt in the body"));
        String msgSignature = query(request, "msg_signature").orElse(null);
        if (!signature.verify(msgSignature, query(request, "timestamp").orElse(""), query(request, "nonce").orElse(""), encrypt)) {
            throw new WeixinCryptoException("msg_signature does not match");
        }
        return FlatXml.parse(cipher.decrypt(encrypt).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ChatMessage> question(FlatXml message) throws WrongField {
        if (!"text".equals(message.text("MsgType"))) {
            return Optional.empty();
        }
        String reader = Fields.id(message.text("FromUserName"), "FromUserName");
        String msgId = Fields.id(message.text("MsgId"), "MsgId");
        // a time that is not a plain number of seconds is not the reader's: use ours
        Instant sent = EpochTime.seconds(message.text("CreateTime")).orElseGet(clock::instant);
        // each reader's conversation with the account is a chat of its own, always addressed to it
        return Optional.of(new ChatMessage(Platform.WECHAT, reader, null, msgId, new Sender(reader, null),
                message.text("Content").strip(), true, sent));
    }

    /**
     * A maintainer's answer: sent as a customer-service message when WeChat still allows it,
     * and recorded for the weekly digest either way. The future fails when it was not delivered.
     */
    private CompletableFuture<Void> send(OutboundMessage message) {
        if (message.platform() != Platform.WECHAT) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "WeChat connector cannot send to " + message.platform().wireName()));
        }
        String reader = message.chat();
        if (message.isPost()) {
            // replies to no question (a notice): a customer-service message, not recorded in the digest
            return post(reader, message.text());
        }
        String question = questions.getOrDefault(message.inReplyTo(), "");
        return post(reader, message.text()).whenComplete((ignored, failure) -> digest.record(clock.instant(), reader, message.inReplyTo(),
                question, message.text(), failure == null, failure == null ? null : rootMessage(failure)));
    }

    /** A customer-service message to {@code reader}, when WeChat still allows one. */
    private CompletableFuture<Void> post(String reader, String text) {
        Instant last = lastMessage.get(reader);
        if (!customerService.available()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "WeChat has no appSecret configured, so only passive replies are possible"));
        }
        if (last != null && last.plus(SERVICE_WINDOW).isBefore(clock.instant())) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the reader last wrote more than 48 hours ago; WeChat allows no customer-service message"));
        }
        return customerService.sendText(reader, text);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static Optional<String> query(RouteRequest request, String name) {
        List<String> values = request.query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static RouteResponse plain(String text) {
        return new RouteResponse(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static CompletableFuture<RouteResponse> done(RouteResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private static <V> Map<String, V> bounded() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    private final class PushRoute implements Route {
        private final HttpMethod method;

        PushRoute(HttpMethod method) {
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
            return method == HttpMethod.GET ? done(handshake(request)) : receive(request);
        }

        @Override
        public String name() {
            return "wechat connector";
        }
    }
}
