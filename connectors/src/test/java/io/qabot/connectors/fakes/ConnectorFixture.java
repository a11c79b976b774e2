package io.qabot.connectors.fakes;

import io.qabot.connectors.Connector;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.Asker;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Escalation;
import io.qabot.core.EscalationQueue;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Pipeline;
import io.qabot.core.ReplyWriter;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real qabot server on a loopback port with one connector on, the keyword matcher, an
 * escalation queue that reports each enqueue, a clock stopped at {@link #NOW}, and a
 * {@link RecordingPlatformApi} playing the platform.
 */
public final class ConnectorFixture implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    public final Clock clock;
    public final RecordingPlatformApi api = new RecordingPlatformApi();
    public final RecordingEscalations escalations;
    public final ExecutorService botExecutor = Executors.newFixedThreadPool(4);
    public final KeywordMatcher matcher = new KeywordMatcher();
    public final Pipeline pipeline;
    public final OutboundClient outbound = new OutboundClient(OutboundOptions.defaults());
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private QabotServer server;

    public ConnectorFixture() {
        this(NOW);
    }

    /** With the clock stopped at {@code now}: a platform's published vector carries its own time. */
    public ConnectorFixture(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        api.answer(request -> RecordingPlatformApi.Answer.ok("{}")); // what these platforms answer when nothing is scripted
        escalations = new RecordingEscalations(new InMemoryEscalationQueue(clock));
        pipeline = Pipeline.builder(matcher, escalations, botExecutor)
                .clock(clock)
                .policy(ChatPolicy.everywhere(ChatMode.MENTION))
                .build();
    }
    private Connector connector;
    private int port;

    /** Starts the server with the connector {@code build} makes from this fixture. */
    public <C extends Connector> C start(Function<ConnectorFixture, C> build) throws InterruptedException {
        C made = build.apply(this);
        connector = made;
        server = new QabotServer(HttpServerOptions.defaults().withHost("127.0.0.1").withPort(0), () -> true,
                made.routes());
        port = server.start();
        made.start();
        return made;
    }

    /** Reads a golden payload from {@code src/test/resources}. */
    public static String resource(String name) {
        try (var in = ConnectorFixture.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    /** A maintainer answers escalation {@code id}; the answers are sent through the connector as the app does. */
    public void answer(long id, String text) throws Exception {
        Escalation escalation = escalations.answer(id, new MaintainerAnswer(text, List.of(), "maintainer")).orElseThrow();
        ReplyWriter writer = new ReplyWriter(); // as the outbox worker renders them
        for (Asker asker : escalation.askers()) {
            connector.sender().send(writer.answer(asker, new MaintainerAnswer(text, List.of(), "maintainer"), null))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (connector != null) {
            connector.close();
        }
        if (server != null) {
            server.close();
        }
        api.close();
        botExecutor.shutdownNow();
        botExecutor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The in-memory queue, reporting each enqueue so a test can wait for an escalation instead of sleeping. */
    public static final class RecordingEscalations implements EscalationQueue {
        private final EscalationQueue queue;
        private final BlockingQueue<Long> enqueued = new LinkedBlockingQueue<>();

        RecordingEscalations(EscalationQueue queue) {
            this.queue = queue;
        }

        /** The next escalation's id; fails after 10 s. */
        public Escalation next() throws InterruptedException {
            Long id = enqueued.poll(10, TimeUnit.SECONDS);
            if (id == null) {
                throw new AssertionError("nothing was escalated within 10 s");
            }
            return queue.find(id).orElseThrow();
        }

        @Override
        public long enqueue(String question, Asker asker) {
            long id = queue.enqueue(question, asker);
            enqueued.add(id);
            return id;
        }

        @Override
        public List<Escalation> open() {
            return queue.open();
        }

        @Override
        public Optional<Escalation> find(long id) {
            return queue.find(id);
        }

        @Override
        public Optional<Escalation> answer(long id, MaintainerAnswer answer) {
            return queue.answer(id, answer);
        }

        @Override
        public Optional<Escalation> dismiss(long id) {
            return queue.dismiss(id);
        }
    }
}
