package io.qabot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qabot.core.ChatMessage;
import io.qabot.core.Outcome;
import io.qabot.core.Platform;
import io.qabot.core.Reply;
import io.qabot.core.Sender;
import io.qabot.core.feedback.Flags;
import io.qabot.core.feedback.Screen;
import io.qabot.core.feedback.WrongWords;
import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Decision;
import io.qabot.knowledge.Match;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that stops answering costs a reply its flaggability, never the reply, and a "不对" its flag, never the message. */
class FlagsOnAFailingStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void rememberingAndLookingUpFailQuietlyWhenTheStoreIsGone() {
        Store store = Store.open(dataDir, Optional.empty(), Clock.systemUTC());
        Flags flags = new Flags(store.feedback(), new Screen(store.feedback(), Duration.ofSeconds(1)),
                new WrongWords(List.of("不对")), Clock.systemUTC());
        store.close();
        assertThrows(RuntimeException.class, () -> store.feedback().revision(), "the store is really gone");
        ChatMessage question = new ChatMessage(Platform.WEBHOOK, "group-42", "t-1", "m-1", new Sender("u1", "Ann"),
                "SOFAJRaft 支持跨机房部署吗？", true, Clock.systemUTC().instant());
        Candidate best = new Candidate(FeedbackStoreContract.JRAFT, 0, 2.0);
        Outcome.Replied replied = new Outcome.Replied(question,
                new Match(question.text(), Decision.ANSWER, 0.9, List.of(best)), new Reply("…", "t-1", question.sender(), best, "r1"));

        flags.replied(replied);

        ChatMessage wrong = new ChatMessage(Platform.WEBHOOK, "group-42", "t-1", "m-2", new Sender("u2", "Bo"), "不对", false,
                Clock.systemUTC().instant(), "r1");
        assertEquals(Optional.empty(), flags.wrongAbout(wrong));
    }
}
