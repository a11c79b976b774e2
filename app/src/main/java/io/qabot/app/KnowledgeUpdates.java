package io.qabot.app;

import io.qabot.admin.ReloadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps the knowledge fresh while the bot serves: a timer that reloads when the knowledge
 * files' {@link KnowledgeStamp} changes, a timer that pulls the git source and reloads when it
 * moved, and {@link #reload(String)} for {@code POST /api/v1/knowledge/reload}. All reloads go
 * through one {@link KnowledgeReload}, one at a time; the timers' own failures are logged and
 * retried at the next tick.
 */
final class KnowledgeUpdates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeUpdates.class);

    private final KnowledgeReload reload;
    private final List<Path> watched;
    private final Duration checkEvery;
    private final Optional<GitKnowledge> git;
    private final Duration pullEvery;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("qabot-knowledge"));
    private String stamp;
    private boolean gitAhead; // pulled a new commit that no reload has read yet

    /**
     * @param watched    the knowledge files and folders to check (not the git checkout: pulls reload it)
     * @param stamp      their stamp taken before the knowledge now served was read, so a change made
     *                   during that read is still seen
     * @param checkEvery zero: no checking
     */
    KnowledgeUpdates(KnowledgeReload reload, List<Path> watched, String stamp, Duration checkEvery,
                     Optional<GitKnowledge> git, Duration pullEvery) {
        this.reload = reload;
        this.watched = List.copyOf(watched);
        this.stamp = stamp;
        this.checkEvery = checkEvery;
        this.git = git;
        this.pullEvery = pullEvery;
    }

    void start() {
        if (!checkEvery.isZero() && !watched.isEmpty()) {
            timer.scheduleWithFixedDelay(this::checkFiles, checkEvery.toMillis(), checkEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        git.ifPresent(source -> timer.scheduleWithFixedDelay(() -> pull(source), pullEvery.toMillis(),
                pullEvery.toMillis(), TimeUnit.MILLISECONDS));
    }

    ReloadResult reload(String trigger) {
        return reload.reload(trigger);
    }

    /** One check of the files; reloads when they changed. */
    void checkFiles() {
        try {
            String now = KnowledgeStamp.of(watched);
            if (!now.equals(stamp)) {
                reload.reload("watch");
                stamp = now; // only after a good reload: a failed one is tried again at the next tick
            }
        } catch (RuntimeException e) {
            log.debug("knowledge check failed; trying again in {}", checkEvery, e);
        }
    }

    private void pull(GitKnowledge source) {
        try {
            gitAhead |= source.pull();
            if (gitAhead) {
                reload.reload("git");
                gitAhead = false;
            }
        } catch (RuntimeException e) {
            log.warn("knowledge git pull failed; trying again in {}: {}", pullEvery, e.getMessage());
        }
    }

    @Override
    public void close() {
        // a reload reads the learned answers from the store: not interrupted while it runs
        CooperativeStop.stop(timer, Duration.ofSeconds(5), "knowledge updates");
    }
}
