package io.qabot.connectors.fakes;

import io.qabot.config.PolicyConfig;
import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Escalation;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Rate;
import io.qabot.core.feedback.Flags;
import io.qabot.core.feedback.Screen;
import io.qabot.core.feedback.Verdicts;
import io.qabot.core.feedback.WrongWords;
import io.qabot.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bot a connector hands flags to: the real pipeline with the stand-in matcher, the real store
 * (an H2 file), feedback and verdicts as {@code serve} wires them, and the connector's own sender
 * for the notice in the thread. Auto mode everywhere, so a reply in a thread reaches the pipeline.
 */
public final class FeedbackBot implements AutoCloseable {
    public static final Instant NOW = TestBot.NOW;

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final KeywordMatcher matcher = new KeywordMatcher();
    public final Store store;
    public final Screen screen;
    public final Verdicts verdicts;
    public final ExecutorService executor = Executors.newFixedThreadPool(4);
    public final Pipeline pipeline;
    public final OutboundClient outbound = new OutboundClient(new OutboundOptions(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5)));
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private QabotServer server;
    private int port;

    public FeedbackBot(Platform platform, Path dataDir) {
        store = Store.open(dataDir, Optional.empty(), clock);
        screen = new Screen(store.feedback(), Duration.ofSeconds(1));
        verdicts = new Verdicts(store.feedback(), store.escalations(), screen);
        pipeline = Pipeline.builder(matcher, store.escalations(), executor)
                .clock(clock)
                .policy(ChatPolicy.builder(ChatMode.AUTO).build())
                .chatRate(platform, Rate.perSecond(100))
                .platformRate(platform, Rate.perSecond(100))
                .feedback(new Flags(store.feedback(), screen, new WrongWords(PolicyConfig.DEFAULT_WRONG_WORDS), clock))
                .build();
    }

    /** Serves the routes on a free loopback port. */
    public FeedbackBot serve(List<Route> routes) throws InterruptedException {
        server = new QabotServer(HttpServerOptions.defaults().withHost("127.0.0.1").withPort(0), () -> true,
                routes);
        port = server.start();
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The open escalations, polled until {@code done} holds or 5 s pass (the pipeline works after the acknowledgement). */
    public List<Escalation> openWhen(java.util.function.Predicate<List<Escalation>> done) throws InterruptedException {
        return await(() -> store.escalations().open(), done);
    }

    public static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + value);
            }
            Thread.sleep(20); // polling with a deadline, not waiting for time to pass
            value = probe.get();
        }
        return value;
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }
}
