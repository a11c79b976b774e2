package io.qabot.core;

import java.util.List;
import java.util.Objects;

/** A maintainer's answer to an escalated question (markdown allowed). */
public record MaintainerAnswer(String answer, List<String> links, String maintainer) {
    public MaintainerAnswer {
        Objects.requireNonNull(answer, "answer");
        if (answer.isBlank()) {
            throw new IllegalArgumentException("answer must not be blank");
        }
        links = links == null ? List.of() : List.copyOf(links);
        maintainer = maintainer == null ? "" : maintainer;
    }
}
