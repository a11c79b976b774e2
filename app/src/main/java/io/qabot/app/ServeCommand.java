package io.qabot.app;

import io.qabot.admin.ReloadResult;
import io.qabot.admin.ask.AskRoute;
import io.qabot.config.ChatRule;
import io.qabot.config.KnowledgeGitConfig;
import io.qabot.config.KnowledgeUpdatesConfig;
import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.core.Acknowledgement;
import io.qabot.core.ChatIdCommand;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Rate;
import io.qabot.core.desk.LearnedKnowledge;
import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.Problem;
import io.qabot.knowledge.snapshot.KnowledgeChanges;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;
import io.qabot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import io.qabot.knowledge.KnowledgeItem;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code qabot serve}: reads the configuration, loads the knowledge, wires the pipeline and
 * the connectors that are configured, and serves until the process is asked to stop.
 */
final class ServeCommand {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final java.time.Duration STORE_CHECK = java.time.Duration.ofSeconds(1);

    private final KnowledgeSources sources;
    private final Configuration configuration;
    private final DataDirProbe dataDir;

    ServeCommand(KnowledgeSources sources, Configuration configuration) {
        this(sources, configuration, new DataDirProbe(DataDirProbe.MIN_FREE_BYTES));
    }

    ServeCommand(KnowledgeSources sources, Configuration configuration, DataDirProbe dataDir) {
        this.sources = sources;
        this.configuration = configuration;
        this.dataDir = dataDir;
    }

    int run(List<String> args) throws InterruptedException {
        Arguments arguments = Arguments.parse(args, Set.of("--config"), Set.of());
        if (!arguments.words().isEmpty()) {
            throw new UsageException("serve: unexpected argument " + arguments.words().get(0));
        }
        QabotConfig config = configuration.load(arguments.one("--config"));
        Serving serving = start(config, Clock.systemUTC(), Timings.DEFAULT);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: finishing requests in progress");
            try {
                serving.close();
            } finally {
                stopped.countDown();
            }
        }, "qabot-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Starts a bot for {@code config}: binds the HTTP port first (so {@code /readyz} can say
     * "loading" and a port in use is reported at once), then the store, knowledge, pipeline,
     * connectors and the maintainers' loop. Returns once it serves; {@link Serving#close()} stops it,
     * closing each part in the reverse order of its start, as a start that fails half-way does.
     */
    Serving start(QabotConfig config, Clock clock, Timings timings) throws InterruptedException {
        if (writesToDataDir(config)) {
            dataDir.check(config.dataDir()); // a read-only or full volume stops us here, in one line
        }
        Lifecycle life = new Lifecycle();
        try {
            return start(config, clock, timings, life);
        } catch (RuntimeException | InterruptedException e) {
            life.close();
            throw e;
        }
    }

    /** Binds {@code server}; an address in use is a configuration problem, named like one. */
    private static int listen(QabotServer server, String host, int port, String setting) throws InterruptedException {
        try {
            return server.start();
        } catch (java.io.UncheckedIOException bind) {
            if (!(bind.getCause() instanceof java.net.BindException e)) {
                throw bind;
            }
            String address = host + ":" + port;
            String reason = e.getMessage() != null && e.getMessage().contains("in use") ? "is already in use"
                    : "cannot be bound (" + e.getMessage() + ")";
            throw new UsageException(setting + ": " + address + " " + reason);
        }
    }

    private static HttpServerOptions serverOptions(QabotConfig config) {
        return new HttpServerOptions(config.http().host(), config.http().port(),
                config.http().maxBodyBytes(), config.http().headerTimeout(), config.http().idleTimeout(),
                config.http().shutdownGrace(), config.http().requestTimeout(), config.http().maxConnectionsPerAddress(),
                config.http().trustedProxies(), config.http().writeTimeout());
    }

    /** Whether anything goes into the data folder: the embedded database, a git clone, WeChat's answer log. */
    private static boolean writesToDataDir(QabotConfig config) {
        return config.databaseUrl().isEmpty() || config.knowledgeUpdates().git().isPresent()
                || config.connectors().wechat().isPresent();
    }

    private Serving start(QabotConfig config, Clock clock, Timings timings, Lifecycle life) throws InterruptedException {
        StartupProgress progress = new StartupProgress(clock);
        // closed last: a failed start still frees the port; closed first too, once serving (it is idempotent)
        QabotServer server = life.started("http server", new QabotServer(serverOptions(config), progress::snapshot));
        int port = listen(server, config.http().host(), config.http().port(), config.http().port() == 0 ? "http.host" : "http.port");
        // the segmenter's dictionaries load on another core while the store opens
        Thread prepare = DaemonThreads.named("qabot-prepare").newThread(KnowledgeIndex::prepare);
        prepare.start();
        progress.stage("store");
        // the store before the knowledge: a database that cannot open should not wait for a long load to say so
        Store store = life.started("store", Store.open(config.dataDir(), config.databaseUrl().map(Secret::value), clock));
        StoreHealth storeHealth = new StoreHealth(store.escalations()::reachable, STORE_CHECK);
        life.onClose("store health", storeHealth::close);

        KnowledgeUpdatesConfig updates = config.knowledgeUpdates();
        Optional<GitKnowledge> git = updates.git().map(g -> new GitKnowledge(g, GitKnowledge.checkoutUnder(config.dataDir(), g)));
        git.ifPresent(source -> {
            try {
                source.pull();
            } catch (RuntimeException e) {
                log.warn("knowledge git: {}; serving without it until a pull succeeds", e.getMessage());
            }
        });
        // the sample knowledge only when nothing at all is configured; unpacked once, so reloads read one folder
        List<Path> files = config.knowledge().isEmpty() && git.isEmpty()
                ? List.of(KnowledgeSources.sampleKnowledge()) : config.knowledge();
        Supplier<List<Path>> paths = () -> {
            List<Path> all = new ArrayList<>(files);
            git.filter(GitKnowledge::ready).ifPresent(source -> all.addAll(source.paths()));
            return all;
        };
        String stamp = KnowledgeStamp.of(files);
        List<Path> reading = paths.get();
        log.info("knowledge: reading {}", reading);
        progress.stage("knowledge");
        Corpus corpus = sources.corpus(reading, config.dataDir(), false);
        for (Problem problem : corpus.problems()) {
            log.warn("knowledge {}:{}: {}", problem.file(), problem.line(), problem.reason());
        }
        progress.stage("index", Map.of("items", corpus.items().size(), "turns", corpus.turns()));
        PersistedIndex persisted = new PersistedIndex(config.dataDir(), false);
        // the threshold set here holds for every re-index too (learned answers, reloads)
        Function<List<KnowledgeItem>, KnowledgeIndex> indexes =
                items -> KnowledgeSources.atConfidence(persisted.build(items), config.matching());
        // settled once per start: the loop's knowledge keeps it rather than settling the items again
        KnowledgeSnapshot settled = KnowledgeSnapshot.of(corpus.items());
        KnowledgeIndex built = indexes.apply(settled.items());
        log.info("knowledge: {} documents, {} items, {} turns, {} problems", corpus.documents(),
                corpus.items().size(), corpus.turns(), corpus.problems().size());

        PrometheusMetrics metrics = life.started("metrics", new PrometheusMetrics(store.escalations()::open, clock));
        QuestionRecorder recorder = new QuestionRecorder(store.questions(), metrics);
        // the last questions, before the store closes and after the loop's timer (which records them) stopped
        life.onClose("question log", recorder::flush);
        ExecutorService bot = BotExecutor.create(Math.max(2, Runtime.getRuntime().availableProcessors()),
                BotExecutor.QUEUE, metrics::inboundDropped);
        life.onClose("bot executor", bot::shutdown);
        // the loop owns the live index: the pipeline matches with it, readiness asks it, reloads and learned answers replace it
        MaintainersLoop loop = life.started("maintainers' loop", new MaintainersLoop(config, store, corpus.items(), settled, built,
                indexes, clock, timings));
        LearnedKnowledge knowledge = loop.knowledge();
        metrics.reloaded("start", new ReloadResult(corpus.documents(), corpus.items().size(), corpus.turns(),
                corpus.problems().size(), new KnowledgeChanges(corpus.items().size(), 0, 0, 0, 0), Duration.ZERO));
        KnowledgeUpdates reloads = new KnowledgeUpdates(new KnowledgeReload(sources, paths, knowledge, metrics),
                files, stamp, updates.checkEvery(), git, updates.git().map(KnowledgeGitConfig::pullEvery).orElse(Duration.ZERO));
        Pipeline pipeline = pipeline(config, clock, knowledge, store, bot, recorder, loop);
        OutboundClient outbound = new OutboundClient(OutboundOptions.defaults()
                .withRequestTimeout(config.outbound().requestTimeout())
                .withMaxPending(config.outbound().maxPending()), metrics);
        List<Connector> connectors = ConnectorTable.build(new ConnectorTable.Parts(config, pipeline, outbound, clock, metrics));

        List<Route> routes = new ArrayList<>();
        routes.add(new AskRoute(pipeline));
        connectors.forEach(c -> routes.addAll(c.routes()));
        routes.addAll(loop.routes(bot, () -> reloads.reload("api")));
        MetricsRoute metricsRoute = new MetricsRoute(metrics, bot, config.metrics().token());
        Optional<QabotServer> metricsServer = metricsServer(config, metricsRoute);
        metricsServer.ifPresentOrElse(alone -> life.started("metrics server", alone), () -> routes.add(metricsRoute));
        progress.stage("connectors");
        loop.start(connectors, metrics);
        recorder.start(loop.scheduler(), timings.outboxTick());
        StoreUpkeep upkeep = new StoreUpkeep(store.questions(), store::compact, config.store().questionLogRetention(), clock);
        upkeep.start(loop.scheduler());
        // closed before the loop waits for its tasks, so a compaction under way ends after its slice
        life.onClose("store upkeep", upkeep::close);
        reloads.start();
        life.onClose("knowledge updates", reloads::close);
        for (Connector connector : connectors) {
            life.onClose("connector " + connector.platform().wireName(), connector::close);
            try {
                connector.start();
            } catch (RuntimeException e) {
                log.error("connector {} failed to start", connector.platform().wireName(), e);
            }
        }
        RoutesReport.lines(config, routes).forEach(line -> log.info("{}", line));
        server.open(() -> knowledge.ready() && storeHealth.getAsBoolean(), routes);
        life.started("http server, serving", server); // stops taking requests before anything they use closes
        log.info("qabot is serving on http://{}:{}/", config.http().host(), port);
        return new Serving(port, life::close);
    }

    /** The message path, matching with the live knowledge and handing maintainers' commands to the loop. */
    private static Pipeline pipeline(QabotConfig config, Clock clock, LearnedKnowledge knowledge, Store store,
                                     ExecutorService bot, QuestionRecorder recorder, MaintainersLoop loop) {
        Pipeline.Builder pipeline = Pipeline.builder(knowledge, store.escalations(), bot)
                .clock(clock)
                .telemetry(recorder)
                .policy(chatPolicy(config))
                .acknowledge(acknowledgement(config))
                .cooldown(config.policy().cooldown())
                .maxQuestionLength(config.policy().maxQuestionLength())
                .commands(new ChatIdCommand(chatPolicy(config)).orElse(loop.commands()))
                .feedback(loop.feedback())
                .answerAgeNotice(config.policy().answerAgeNotice());
        Rate configured = Rate.perMinute(config.policy().maxRepliesPerMinute());
        for (Platform platform : Platform.values()) {
            // policy.maxRepliesPerMinute lowers a platform's own per-chat limit, never raises it past what the platform throttles
            pipeline.chatRate(platform, stricter(platform.chatRate(), configured));
        }
        return pipeline.build();
    }

    /**
     * {@code /metrics} alone on {@code metrics.port}, bound now, when that is set (a firewall then
     * keeps it to the scraper, and the main port answers 404 there); empty: it stays on the main port.
     */
    private static Optional<QabotServer> metricsServer(QabotConfig config, MetricsRoute route) throws InterruptedException {
        if (config.metrics().port().isEmpty()) {
            return Optional.empty();
        }
        int port = config.metrics().port().getAsInt();
        QabotServer server = QabotServer.only(serverOptions(config).withPort(port), List.of(route));
        listen(server, config.http().host(), port, "metrics.port");
        log.info("metrics on http://{}:{}/metrics", config.http().host(), port);
        return Optional.of(server);
    }

    /** The rate allowing fewer messages over time; the first when they allow the same. */
    static Rate stricter(Rate a, Rate b) {
        // a.permits / a.per <= b.permits / b.per, multiplied out (both fit a long: permits < 2^31, per in ms)
        return (long) a.permits() * b.per().toMillis() <= (long) b.permits() * a.per().toMillis() ? a : b;
    }

    private static ChatPolicy chatPolicy(QabotConfig config) {
        ChatPolicy.Builder policy = ChatPolicy.builder(ChatMode.MENTION);
        config.chats().defaults().forEach((platform, mode) ->
                policy.platformDefault(ConfigTerms.platform(platform), ConfigTerms.mode(mode)));
        for (ChatRule rule : config.chats().rules()) {
            policy.chat(ConfigTerms.platform(rule.platform()), rule.chat(), ConfigTerms.mode(rule.mode()));
        }
        return policy.build();
    }

    private static Acknowledgement acknowledgement(QabotConfig config) {
        Map<Platform, Map<String, Boolean>> chats = new java.util.EnumMap<>(Platform.class);
        for (ChatRule rule : config.chats().rules()) {
            rule.acknowledge().ifPresent(on -> chats.computeIfAbsent(ConfigTerms.platform(rule.platform()), p -> new java.util.HashMap<>())
                    .put(rule.chat(), on));
        }
        return new Acknowledgement(config.escalation().acknowledge(), config.escalation().relatedPosts(),
                chatPolicy(config), chats);
    }
}
