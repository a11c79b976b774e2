package io.qabot.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A git repository of knowledge, such as a community website's repository with its weekly posts.
 *
 * @param url what {@code git clone} takes (https, ssh, file). A {@link Secret} because an https
 *     URL may carry a token ({@code https://bot:TOKEN@host/repo.git})
 * @param branch the branch to follow; empty means the repository's default branch
 * @param paths folders and files inside the repository to read (like {@code content/zh/blog});
 *     empty means the whole repository
 * @param pullEvery how often to pull (10 min)
 */
public record KnowledgeGitConfig(Secret url, Optional<String> branch, List<String> paths, Duration pullEvery) {
    public KnowledgeGitConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        paths = List.copyOf(paths);
        Objects.requireNonNull(pullEvery, "pullEvery");
    }
}
