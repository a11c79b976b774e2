package io.qabot.core.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.core.ChatMessage;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Platform;
import io.qabot.core.Sender;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Any message in the maintainers' chat, from a maintainer with or without a display name, to
 * the chat-command parser ({@code /answer 42 …}, {@code /claim 42}, {@code /dismiss 42}):
 * {@code handle} never throws; a message it takes gets exactly one acknowledgement in the chat
 * (done, a usage line or the desk's reason), one it does not take gets none, and only a text
 * starting with one of the three commands is taken. The desk behind it knows no escalation,
 * so every command ends in its refusal. The message's text comes first in a seed, so seeds
 * are readable commands.
 */
class MaintainerCommandsFuzzTest {
    private static final String CHAT = "maintainers";
    private static final MaintainerDesk DESK = new MaintainerDesk(nothing(EscalationStore.class),
            nothing(LearnedAnswers.class), new LearnedKnowledge(List.of(), nothing(LearnedAnswers.class)), () -> { });

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyMessageIsACommandAcknowledgedOnceOrLeftAlone(FuzzedDataProvider data) {
        boolean named = data.consumeBoolean();
        boolean here = data.consumeInt(0, 7) != 0;
        String name = named ? data.consumeString(20) : null;
        String text = data.consumeRemainingAsString();
        var commands = new MaintainerCommands(DESK, Platform.SLACK, CHAT);
        var message = new ChatMessage(Platform.SLACK, here ? CHAT : "elsewhere", null, "m-1", new Sender("U1", name),
                text, true, Instant.EPOCH);

        List<OutboundMessage> sent = commands.handle(message).stream().toList();
        boolean taken = !sent.isEmpty();

        if (taken) {
            assertTrue(here, "a command taken from another chat");
            assertTrue(text.strip().matches("(?s)/(answer|claim|dismiss).*"), () -> "taken as a command: " + text);
            assertEquals(1, sent.size(), "one acknowledgement per command");
            assertFalse(sent.get(0).text().isBlank(), "a blank acknowledgement");
        } else {
            assertTrue(sent.isEmpty(), "an acknowledgement for a message that is not a command");
        }
    }

    /** An implementation of {@code type} that has nothing: empty optionals and lists, zeros. */
    @SuppressWarnings("unchecked")
    private static <T> T nothing(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (method.getName().equals("toString")) {
                return "nothing(" + type.getSimpleName() + ")";
            }
            if (returns == Optional.class) {
                return Optional.empty();
            }
            if (returns == List.class) {
                return List.of();
            }
            if (returns == boolean.class) {
                return false;
            }
            if (returns == long.class) {
                return 0L;
            }
            if (returns == int.class) {
                return 0;
            }
            return null;
        });
    }
}
