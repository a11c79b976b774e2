package io.qabot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.qabot.core.escalation.InMemoryEscalationQueue;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** "chat id", said to the bot, tells the chat's platform, id and mode as a line for the configuration. */
class ChatIdCommandTest {
    private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
    private final List<OutboundMessage> posted = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ChatPolicy policy = ChatPolicy.builder(ChatMode.MENTION).chat(Platform.SLACK, "C0QUIET", ChatMode.OFF).build();
    private final Pipeline pipeline = Pipeline.builder(q -> new Match(q, Decision.ESCALATE, 0.1, List.of()),
                    new InMemoryEscalationQueue(clock), Runnable::run)
            .clock(clock).policy(policy)
            .commands(new ChatIdCommand(policy).orElse(ChatCommands.NONE))
            .build();
    private final ChatSender sender = ChatSender.posting(message -> {
        posted.add(message);
        return CompletableFuture.completedFuture(Optional.empty());
    });

    private Outcome say(Platform platform, String chat, String text, boolean mentioned) {
        ChatMessage message = new ChatMessage(platform, chat, "1700000000.000200", "m-" + ids.incrementAndGet(),
                new Sender("U07", "Ann"), text, mentioned, clock.instant());
        Handled handled = pipeline.handle(message).orTimeout(5, TimeUnit.SECONDS).join();
        pipeline.deliver(handled, sender).orTimeout(5, TimeUnit.SECONDS).join(); // as a connector does
        return handled.outcome();
    }

    @Test
    void theBotTellsTheChatsIdPlatformAndModeEvenWhereItIsOff() {
        Outcome outcome = say(Platform.SLACK, "C0QUIET", "chat id", true);

        assertEquals(Outcome.Silence.MAINTAINER_COMMAND, assertInstanceOf(Outcome.Silent.class, outcome).reason());
        assertEquals(1, posted.size());
        assertEquals("<@U07> This chat is slack `C0QUIET` (mode off), thread `1700000000.000200`. To configure it:\n\n"
                + "```\nchats:\n  - {platform: slack, chat: \"C0QUIET\", mode: off}\n```", posted.get(0).text());
        assertEquals("1700000000.000200", posted.get(0).thread());
    }

    @Test
    void onlyWhenAddressedAndNeverOnTheWebhook() {
        say(Platform.SLACK, "C0LOUD", "chat id", false);
        say(Platform.WEBHOOK, "group-42", "/chatid", true);
        say(Platform.TELEGRAM, "-1001", "what is the chat id of this group?", true);
        assertEquals(List.of(), posted);

        say(Platform.TELEGRAM, "-1001", "/chatid", true);
        assertEquals("-1001", posted.get(0).chat());
    }
}
