package io.qabot.core.reply;

import io.qabot.knowledge.Candidate;
import io.qabot.knowledge.Source;
import java.util.List;
import java.util.Objects;

/**
 * What a reply says: the answer's markdown, the links that belong to it, and where it was
 * published ({@code source} may be null for an answer with no publication).
 */
public record Answer(String markdown, List<String> links, Source source) {
    public Answer {
        Objects.requireNonNull(markdown, "markdown");
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The answer of a matched turn, with its item's links and source. */
    public static Answer of(Candidate candidate) {
        return new Answer(candidate.turn().answer(), candidate.item().links(), candidate.item().source());
    }
}
