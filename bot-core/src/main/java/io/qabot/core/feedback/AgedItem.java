package io.qabot.core.feedback;

import io.qabot.knowledge.Source;
import java.time.Instant;
import java.util.Objects;

/**
 * A knowledge item the bot keeps answering from although its post is old: for the maintainers to
 * review whether the answer still holds (and retire it if not).
 *
 * @param source       the post the answer came from, as the bot cited it
 * @param answers      how many replies the bot gave from it
 * @param lastAnswered when it last answered from it
 */
public record AgedItem(String itemId, Source source, long answers, Instant lastAnswered) {
    public AgedItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lastAnswered, "lastAnswered");
    }
}
