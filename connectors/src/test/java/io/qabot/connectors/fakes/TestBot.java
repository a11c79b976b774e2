package io.qabot.connectors.fakes;

import io.qabot.config.PolicyConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.Acknowledgement;
import io.qabot.core.Asker;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Escalation;
import io.qabot.core.EscalationQueue;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Rate;
import io.qabot.core.ReplyWriter;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.core.feedback.Flags;
import io.qabot.core.feedback.Screen;
import io.qabot.core.feedback.Verdicts;
import io.qabot.core.feedback.WrongWords;
import io.qabot.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The bot a connector hands messages to, the one bot fixture of the connector tests: the real
 * pipeline with the stand-in matcher (跨机房 is answered, 谢谢 is chatter, the rest escalated), a
 * clock stopped at {@link #NOW}, an escalation queue that reports each enqueue, a
 * {@link RecordingPlatformApi} playing the platform, and a real qabot server on a loopback port.
 * What tests need differently is an option of the {@link Builder}: the chat modes, the rates, the
 * acknowledgements, the real store (with feedback, as {@code serve} wires it) for the queue.
 */
public final class TestBot implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final String QUESTION = "请问 jraft 支持跨机房吗";
    public static final String ANSWER = "跨机房不需要特殊支持，只是网络延时大一点而已。";
    /**
     * How long a test waits for something the bot does on its own threads before failing. It
     * bounds a failing test, not a speed: on a shared machine at load 15-30 a pipeline step that
     * takes milliseconds when quiet can take seconds, so it is generous.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Quick retries, so a test of a failing platform does not wait for the production back-off. */
    static final OutboundOptions QUICK = new OutboundOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    public final Clock clock;
    public final KeywordMatcher matcher = new KeywordMatcher();
    /** The real store when the bot was built with one, else null. */
    public final Store store;
    public final Screen screen;
    public final Verdicts verdicts;
    public final RecordingEscalations escalations;
    public final ExecutorService executor = Executors.newFixedThreadPool(4);
    public final Pipeline pipeline;
    public final OutboundClient outbound;
    public final RecordingPlatformApi api = new RecordingPlatformApi();
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private QabotServer server;
    private Connector connector;
    private int port;

    /** Mention mode except in {@code autoChats}, generous rates on {@code platform}, the in-memory queue. */
    public TestBot(Platform platform, String... autoChats) {
        this(builder().rated(platform).auto(platform, autoChats));
    }

    /** Like {@link #TestBot(Platform, String...)}, telling askers who addressed it that their question went to the maintainers. */
    public static TestBot acknowledging(Platform platform) {
        return builder().rated(platform).acknowledging().build();
    }

    /** The bot flags are handed to: auto mode everywhere, generous rates, the real store (an H2 file in {@code dataDir}) with feedback and verdicts. */
    public static TestBot withStore(Platform platform, Path dataDir) {
        return builder().rated(platform).mode(ChatMode.AUTO).store(dataDir).build();
    }

    /** Serving one connector ({@link #start}): mention mode everywhere, the pipeline's own rates, production outbound options. */
    public static TestBot forOneConnector() {
        return forOneConnector(NOW);
    }

    /** With the clock stopped at {@code now}: a platform's published vector carries its own time. */
    public static TestBot forOneConnector(Instant now) {
        return builder().at(now).outbound(OutboundOptions.defaults()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private TestBot(Builder options) {
        clock = Clock.fixed(options.now, ZoneOffset.UTC);
        api.answer(request -> RecordingPlatformApi.Answer.ok("{}")); // what most platforms answer when nothing is scripted
        outbound = new OutboundClient(options.outbound);
        ChatPolicy.Builder policy = ChatPolicy.builder(options.mode);
        options.autoChats.forEach(chat -> policy.chat(options.autoPlatform, chat, ChatMode.AUTO));
        ChatPolicy modes = policy.build();
        EscalationQueue queue;
        if (options.dataDir != null) {
            store = Store.open(options.dataDir, Optional.empty(), clock);
            screen = new Screen(store.feedback(), Duration.ofSeconds(1));
            verdicts = new Verdicts(store.feedback(), store.escalations(), screen);
            queue = store.escalations();
        } else {
            store = null;
            screen = null;
            verdicts = null;
            queue = new InMemoryEscalationQueue(clock);
        }
        escalations = new RecordingEscalations(queue);
        Pipeline.Builder builder = Pipeline.builder(matcher, escalations, executor).clock(clock).policy(modes);
        if (options.rated != null) {
            builder.chatRate(options.rated, Rate.perSecond(100)).platformRate(options.rated, Rate.perSecond(100));
        }
        if (options.acknowledging) {
            builder.acknowledge(new Acknowledgement(true, 0, modes, Map.of()));
        }
        if (store != null) {
            builder.feedback(new Flags(store.feedback(), screen, new WrongWords(PolicyConfig.DEFAULT_WRONG_WORDS), clock));
        }
        pipeline = builder.build();
    }

    /** Serves the routes on a free loopback port. */
    public TestBot serve(List<Route> routes) throws InterruptedException {
        server = new QabotServer(HttpServerOptions.defaults().withHost("127.0.0.1").withPort(0), () -> true,
                routes);
        port = server.start();
        return this;
    }

    /** Serves the connector {@code build} makes from this bot and starts it; closed with the bot. */
    public <C extends Connector> C start(Function<TestBot, C> build) throws InterruptedException {
        C made = build.apply(this);
        connector = made;
        serve(made.routes());
        made.start();
        return made;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(PATIENCE);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A maintainer answers escalation {@code id}; the answers are sent through the started connector as the app does. */
    public void answer(long id, String text) throws Exception {
        Escalation escalation = escalations.answer(id, new MaintainerAnswer(text, List.of(), "maintainer")).orElseThrow();
        ReplyWriter writer = new ReplyWriter(); // as the outbox worker renders them
        for (Asker asker : escalation.askers()) {
            connector.sender().send(writer.answer(asker, new MaintainerAnswer(text, List.of(), "maintainer"), null))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The open escalations, polled until {@code done} holds or {@link #PATIENCE} runs out (the pipeline works after the acknowledgement). */
    public List<Escalation> openWhen(Predicate<List<Escalation>> done) throws InterruptedException {
        return await(escalations::open, done);
    }

    public static <T> T await(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + value);
            }
            Thread.sleep(20); // polling with a deadline, not waiting for time to pass
            value = probe.get();
        }
        return value;
    }

    /** Reads a golden payload from {@code src/test/resources}. */
    public static String resource(String name) {
        try (var in = TestBot.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        if (store != null) {
            store.close();
        }
    }

    /** What differs between the connector tests' bots; each option's default is the plain bot's. */
    public static final class Builder {
        private Instant now = NOW;
        private ChatMode mode = ChatMode.MENTION;
        private Platform autoPlatform;
        private final List<String> autoChats = new ArrayList<>();
        private Platform rated;
        private boolean acknowledging;
        private Path dataDir;
        private OutboundOptions outbound = QUICK;

        private Builder() {
        }

        /** The clock stops at {@code now} ({@link #NOW} by default). */
        public Builder at(Instant now) {
            this.now = now;
            return this;
        }

        /** The mode of every chat not named otherwise (mention by default). */
        public Builder mode(ChatMode mode) {
            this.mode = mode;
            return this;
        }

        /** These chats of {@code platform} in auto mode. */
        public Builder auto(Platform platform, String... chats) {
            this.autoPlatform = platform;
            autoChats.addAll(List.of(chats));
            return this;
        }

        /** 100 messages a second per chat and per platform on {@code platform}, instead of the pipeline's own rates. */
        public Builder rated(Platform platform) {
            this.rated = platform;
            return this;
        }

        /** Tells askers who addressed the bot that their question went to the maintainers (escalation.acknowledge). */
        public Builder acknowledging() {
            this.acknowledging = true;
            return this;
        }

        /** The real store (an H2 file in {@code dataDir}) keeps the escalations, with feedback and verdicts. */
        public Builder store(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** How the bot's outbound client times out and retries (quick by default). */
        public Builder outbound(OutboundOptions options) {
            this.outbound = options;
            return this;
        }

        public TestBot build() {
            return new TestBot(this);
        }
    }

    /** The bot's queue, reporting each enqueue so a test can wait for an escalation instead of sleeping. */
    public static final class RecordingEscalations implements EscalationQueue {
        private final EscalationQueue queue;
        private final BlockingQueue<Long> enqueued = new LinkedBlockingQueue<>();

        RecordingEscalations(EscalationQueue queue) {
            this.queue = queue;
        }

        /** The next escalation's id; fails after {@link #PATIENCE}. */
        public Escalation next() throws InterruptedException {
            Long id = enqueued.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (id == null) {
                throw new AssertionError("nothing was escalated within " + PATIENCE.toSeconds() + " s");
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
