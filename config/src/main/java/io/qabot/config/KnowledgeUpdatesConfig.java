package io.qabot.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the knowledge stays fresh while the bot runs.
 *
 * @param checkEvery how often the knowledge folders and files are checked for changes (10 s);
 *     zero turns the check off, leaving {@code POST /api/v1/knowledge/reload} and the git pulls
 * @param git a git repository cloned into the data folder and pulled on a schedule, if any
 */
public record KnowledgeUpdatesConfig(Duration checkEvery, Optional<KnowledgeGitConfig> git) {
    public static final KnowledgeUpdatesConfig DEFAULT = new KnowledgeUpdatesConfig(Duration.ofSeconds(10), Optional.empty());

    public KnowledgeUpdatesConfig {
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(git, "git");
    }
}
