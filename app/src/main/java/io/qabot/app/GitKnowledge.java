package io.qabot.app;

import io.qabot.config.KnowledgeGitConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A git repository of knowledge (a community website's repository with its weekly posts), kept as
 * a clone in the data folder with JGit, so the image needs no git binary. Each {@link #pull()}
 * fetches and moves the checkout to the remote branch's head; the checkout is qabot's own, so it
 * is reset rather than merged and can never end in a conflict.
 *
 * <p>The URL may carry a token; it never reaches a log line or an error message (see
 * {@link #redact(String)}).
 */
final class GitKnowledge {
    private static final Logger log = LoggerFactory.getLogger(GitKnowledge.class);

    private final KnowledgeGitConfig config;
    private final Path checkout;
    private final String shownUrl;

    /** @param checkout the folder the clone lives in, under the data folder */
    GitKnowledge(KnowledgeGitConfig config, Path checkout) {
        this.config = config;
        this.checkout = checkout;
        this.shownUrl = withoutUserInfo(config.url().value());
    }

    /** Where the clone goes for {@code config} under {@code dataDir}: one folder per repository name. */
    static Path checkoutUnder(Path dataDir, KnowledgeGitConfig config) {
        String url = withoutUserInfo(config.url().value()).replaceAll("/+$", "").replaceAll("\\.git$", "");
        String name = url.substring(Math.max(url.lastIndexOf('/'), url.lastIndexOf(':')) + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return dataDir.resolve("knowledge-git").resolve(name.isEmpty() || name.startsWith(".") ? "repository" : name);
    }

    /** Whether a checkout exists to read. */
    boolean ready() {
        return Files.isDirectory(checkout.resolve(".git"));
    }

    /** The folders and files to read inside the checkout; the whole checkout when none are configured. */
    List<Path> paths() {
        return config.paths().isEmpty() ? List.of(checkout) : config.paths().stream().map(checkout::resolve).toList();
    }

    /**
     * Clones the repository if there is no checkout yet (or it is of another repository), else
     * fetches and resets to the remote branch. Returns whether the checked-out commit changed.
     *
     * @throws IllegalStateException with a message free of credentials when git fails
     */
    synchronized boolean pull() {
        try {
            if (ready() && !sameOrigin()) {
                log.info("knowledge git: {} holds another repository; cloning {} afresh", checkout, shownUrl);
                delete(checkout);
            }
            if (!ready()) {
                cloneFresh();
                return true;
            }
            try (Git git = Git.open(checkout.toFile())) {
                Repository repository = git.getRepository();
                ObjectId before = repository.resolve("HEAD");
                git.fetch().setRemote("origin").setCredentialsProvider(credentials().orElse(null))
                        .setRemoveDeletedRefs(true).call();
                String branch = config.branch().orElse(repository.getBranch());
                ObjectId remote = repository.resolve("refs/remotes/origin/" + branch);
                if (remote == null) {
                    throw new IllegalStateException("the repository has no branch " + branch);
                }
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef(remote.name()).call();
                git.clean().setCleanDirectories(true).setForce(true).call();
                boolean moved = !remote.equals(before);
                if (moved) {
                    log.info("knowledge git: {} moved to {}", shownUrl, remote.abbreviate(10).name());
                }
                return moved;
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            // no cause attached: JGit's own messages and stack traces may quote the URL with its token
            throw new IllegalStateException("git " + shownUrl + ": " + redact(String.valueOf(e.getMessage())));
        }
    }

    private void cloneFresh() throws GitAPIException, IOException {
        Files.createDirectories(checkout.getParent());
        var command = Git.cloneRepository().setURI(config.url().value()).setDirectory(checkout.toFile())
                .setCredentialsProvider(credentials().orElse(null));
        config.branch().ifPresent(branch -> command.setBranch("refs/heads/" + branch).setBranchesToClone(
                List.of("refs/heads/" + branch)));
        try (Git git = command.call()) {
            log.info("knowledge git: cloned {} at {}", shownUrl,
                    git.getRepository().resolve("HEAD").abbreviate(10).name());
        }
    }

    private boolean sameOrigin() throws IOException {
        try (Git git = Git.open(checkout.toFile())) {
            String origin = git.getRepository().getConfig().getString("remote", "origin", "url");
            return config.url().value().equals(origin);
        }
    }

    // JGit takes credentials from a provider, not from the URL's user info
    private Optional<CredentialsProvider> credentials() {
        try {
            URIish uri = new URIish(config.url().value());
            return uri.getUser() != null && uri.getPass() != null
                    ? Optional.of(new UsernamePasswordCredentialsProvider(uri.getUser(), uri.getPass()))
                    : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code text} with the configured URL (and its user info alone) replaced by the URL without credentials. */
    String redact(String text) {
        String url = config.url().value();
        String redacted = text.replace(url, shownUrl);
        try {
            String userInfo = URI.create(url).getRawUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                redacted = redacted.replace(userInfo, "***");
                int colon = userInfo.indexOf(':');
                if (colon >= 0 && colon + 1 < userInfo.length()) {
                    redacted = redacted.replace(userInfo.substring(colon + 1), "***");
                }
            }
        } catch (IllegalArgumentException e) {
            // not a URI (scp-like user@host:path): nothing secret beyond the user name
        }
        return redacted;
    }

    static String withoutUserInfo(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
