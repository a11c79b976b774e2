package io.qabot.app;

import io.qabot.admin.AdminRoutes;
import io.qabot.admin.ReloadResult;
import io.qabot.admin.DashboardRoutes;
import io.qabot.config.ChatRef;
import io.qabot.config.QabotConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.http.Route;
import io.qabot.core.ChatCommands;
import io.qabot.core.ChatSender;
import io.qabot.core.Platform;
import io.qabot.core.Telemetry;
import io.qabot.core.desk.Announcer;
import io.qabot.core.desk.LearnedKnowledge;
import io.qabot.core.desk.MaintainerCommands;
import io.qabot.core.desk.MaintainerDesk;
import io.qabot.core.desk.OutboxWorker;
import io.qabot.core.Feedback;
import io.qabot.core.feedback.Flags;
import io.qabot.core.feedback.QueuedReplies;
import io.qabot.core.feedback.Screen;
import io.qabot.core.feedback.Verdicts;
import io.qabot.core.feedback.WrongWords;
import java.time.Duration;
import io.qabot.knowledge.KnowledgeIndex;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.snapshot.KnowledgeSnapshot;
import io.qabot.store.Store;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wires the maintainers' loop of one instance: the desk over the store, the chat commands in
 * the maintainers' chat, the admin API and dashboard, and the background work (the outbox,
 * re-indexing when another instance learned something, announcements), which {@link #start}
 * begins once the connectors it sends through exist.
 */
final class MaintainersLoop implements AutoCloseable {
    private final QabotConfig config;
    private final Store store;
    private final Clock clock;
    private final Timings timings;
    private final LearnedKnowledge learned;
    private final ScheduledExecutorService scheduler;
    private final MaintainerDesk desk;
    private final Screen screen;
    private final Flags flags;
    private final QueuedReplies replies;
    private volatile OutboxWorker outbox;
    private final SenderCutOff cutOff = new SenderCutOff();
    /**
     * How long a stop waits for the loop's running tasks: a question log batch or a compaction's
     * slice takes a second at most on a busy disk, and a post under way fails at once
     * ({@link SenderCutOff}). A task still running after it is interrupted, and logged.
     */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    /**
     * @param settled {@code KnowledgeSnapshot.of(base)}, already settled for {@code built}
     * @param built   the index of {@code settled.items()}, already built
     * @param indexer builds the index again when learned answers or a reload change the knowledge
     */
    MaintainersLoop(QabotConfig config, Store store, List<KnowledgeItem> base, KnowledgeSnapshot settled, KnowledgeIndex built,
                    Function<List<KnowledgeItem>, KnowledgeIndex> indexer, Clock clock, Timings timings) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.timings = timings;
        this.learned = new LearnedKnowledge(base, settled, built, store.learned(), indexer);
        learned.refreshIfChanged(); // answers learned before this start are known from the first message
        this.scheduler = Executors.newScheduledThreadPool(2, DaemonThreads.named("qabot-loop"));
        // what the maintainers ruled out: re-read when changed here, looked at every second for other instances
        this.screen = new Screen(store.feedback(), Duration.ofSeconds(1));
        this.desk = new MaintainerDesk(store.escalations(), store.learned(), learned, () -> {
            OutboxWorker worker = outbox;
            if (worker != null) {
                worker.wake();
            }
        }, match -> screen.screen(match, null, null));
        // the bot's replies are written off the message path; a flag's lookup writes what is queued first
        this.replies = new QueuedReplies(store.feedback());
        this.flags = new Flags(replies, screen, new WrongWords(config.policy().wrongWords()), clock);
    }

    /** Members' flags on the bot's answers, and the screen of what the maintainers ruled out: the pipeline's feedback. */
    Feedback feedback() {
        return flags;
    }

    /** Commands heard in the maintainers' chat, if one is configured. */
    ChatCommands commands() {
        return config.escalation().maintainersChat()
                .<ChatCommands>map(chat -> new MaintainerCommands(desk, ConfigTerms.platform(chat.platform()), chat.chat()))
                .orElse(ChatCommands.NONE);
    }

    /** The loop's timer, for other small periodic work of the instance (recording stats). */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The knowledge the bot answers from, which reloads replace the base of: the pipeline's matcher, and readiness. */
    LearnedKnowledge knowledge() {
        return learned;
    }

    /** @param reload reloads the knowledge for {@code POST /api/v1/knowledge/reload}; the stats route reads the store's question log */
    List<Route> routes(Executor executor, Supplier<ReloadResult> reload) {
        ZoneId zone = config.escalation().timeZone().orElse(ZoneId.systemDefault()); // as qabot stats reads --since
        AdminRoutes admin = new AdminRoutes(desk, config.adminToken(), executor, clock, reload, store.questions(), zone);
        List<Route> routes = new ArrayList<>(admin.routes());
        routes.add(DigestRoute.route(admin, new WeeklyDigest(store.learned(), store.questions(), zone)));
        routes.addAll(admin.verdictRoutes(new Verdicts(replies, store.escalations(), screen),
                config.policy().answerAgeNotice()));
        routes.addAll(DashboardRoutes.routes());
        return routes;
    }

    /**
     * Starts the background work, sending through {@code connectors}: maintainers' answers through
     * each asker's connector, announcements through the maintainers' chat's.
     */
    void start(List<Connector> connectors, Telemetry telemetry) {
        Map<Platform, ChatSender> senders = new EnumMap<>(Platform.class);
        Map<Platform, ChatSender> announcers = new EnumMap<>(Platform.class);
        for (Connector connector : connectors) {
            // cut off at the stop, so a task waiting for a platform ends without an interrupt
            senders.put(connector.platform(), cutOff.guard(connector.sender()));
            announcers.put(connector.platform(), cutOff.guard(connector.announcer()));
        }
        String owner = "qabot-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        OutboxWorker worker = new OutboxWorker(store.outbox(), senders, clock,
                new OutboxWorker.Options(owner, timings.lease(), 20, timings.firstRetry(), timings.maxRetry(), 12), telemetry);
        outbox = worker;
        worker.start(scheduler, timings.outboxTick());
        scheduler.scheduleWithFixedDelay(learned::poll, timings.learnedPoll().toMillis(), timings.learnedPoll().toMillis(),
                TimeUnit.MILLISECONDS);
        config.escalation().maintainersChat().ifPresent(chat -> {
            Announcer announcer = new Announcer(store.escalations(), ConfigTerms.platform(chat.platform()), chat.chat(),
                    routed(announcers),
                    config.escalation().staleAfter(), config.escalation().dailySummaryAt(),
                    config.escalation().timeZone().orElse(clock.getZone()), clock);
            scheduler.scheduleWithFixedDelay(announcer::tick, timings.announceTick().toMillis(),
                    timings.announceTick().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /**
     * Sends through the connector of the message's platform: its announcer, which is its sender
     * unless the platform has a notice channel, keeping what it tells of the posted message.
     */
    private static ChatSender routed(Map<Platform, ChatSender> announcers) {
        Map<Platform, ChatSender> fixed = Map.copyOf(announcers);
        return ChatSender.posting(message -> {
            ChatSender sender = fixed.get(message.platform());
            return sender == null
                    ? CompletableFuture.failedFuture(new IllegalStateException("no connector for " + message.platform().wireName()))
                    : sender.post(message);
        });
    }

    @Override
    public void close() {
        OutboxWorker worker = outbox;
        if (worker != null) {
            worker.close();
        }
        // the outbox, the question log's timer and the store's upkeep write to the store: an
        // interrupt in a write closes the embedded database, so the running ones finish first,
        // those waiting for a platform at once
        cutOff.cut();
        CooperativeStop.stop(scheduler, STOP_PATIENCE, "maintainers' loop");
        replies.close(); // the queued replies, before the store closes; later ones are written at once
    }
}
