package io.qabot.connectors.bench;

import io.qabot.connectors.KeywordMatcher;
import io.qabot.connectors.http.HttpServerOptions;
import io.qabot.connectors.http.QabotServer;
import io.qabot.connectors.outbound.OutboundClient;
import io.qabot.connectors.outbound.OutboundOptions;
import io.qabot.connectors.webhook.WebhookConnector;
import io.qabot.connectors.webhook.WebhookOptions;
import io.qabot.core.ChatMode;
import io.qabot.core.ChatPolicy;
import io.qabot.core.Pipeline;
import io.qabot.core.escalation.InMemoryEscalationQueue;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * qabot's server as {@code serve} runs it, with the webhook on. Args: port, secret, then
 * knowledge paths; with paths the real matcher answers from them, without, a keyword stand-in
 * (to measure the server and pipeline alone).
 */
public final class WebhookBenchServer {
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Clock clock = Clock.systemUTC();
        ExecutorService bot = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2);
        io.qabot.core.QuestionMatcher matcher = new KeywordMatcher();
        if (args.length > 2) {
            java.util.List<java.nio.file.Path> paths = java.util.Arrays.stream(args, 2, args.length)
                    .map(java.nio.file.Path::of).toList();
            matcher = io.qabot.knowledge.KnowledgeIndex.build(
                    new io.qabot.knowledge.ingest.KnowledgeReader().read(paths).items())::match;
        }
        Pipeline pipeline = Pipeline.builder(matcher, new InMemoryEscalationQueue(clock), bot)
                .clock(clock)
                .policy(ChatPolicy.everywhere(ChatMode.MENTION))
                .build();
        WebhookConnector webhook = new WebhookConnector(WebhookOptions.of(args[1], null), pipeline,
                new OutboundClient(OutboundOptions.defaults()), clock);
        QabotServer server = new QabotServer(HttpServerOptions.defaults().withPort(port), () -> true,
                webhook.routes());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bot.shutdown();
        }));
        Thread.currentThread().join();
    }
}
