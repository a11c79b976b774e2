package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.KnowledgeGitConfig;
import io.qabot.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git knowledge source against a repository made here and reached by a file:// URL. */
class GitKnowledgeTest {
    private static final String QUESTION = "Where are the SOFA Weekly posts kept?";

    @TempDir
    Path site;
    @TempDir
    Path dataDir;

    private void publish(Git git, String answer) throws Exception {
        Path blog = Files.createDirectories(site.resolve("content/zh/blog"));
        Files.writeString(blog.resolve("faq.md"), "---\ntitle: \"Site FAQ\"\n---\n\n### Q：" + QUESTION + "\n\n" + answer + "\n");
        Files.writeString(site.resolve("README.md"), "### Q：Is this README knowledge?\n\nNo, it is outside the paths.\n");
        git.add().addFilepattern(".").call();
        git.commit().setMessage("publish").setAuthor("site", "site@example.org")
                .setCommitter("site", "site@example.org").call();
    }

    @Test
    void theBotAnswersFromTheRepositoryAndFollowsItsNewCommits() throws Exception {
        try (Git git = Git.init().setDirectory(site.toFile()).setInitialBranch("main").call()) {
            publish(git, "In the website repository, under content/zh/blog.");
            Map<String, String> env = new HashMap<>(BotFixture.environment(dataDir, Optional.empty(), "http://127.0.0.1:9/x"));
            env.put("QABOT_KNOWLEDGE_GIT_URL", site.toUri().toString());
            env.put("QABOT_KNOWLEDGE_GIT_BRANCH", "main");
            env.put("QABOT_KNOWLEDGE_GIT_PATHS", "content/zh/blog");
            env.put("QABOT_KNOWLEDGE_GIT_PULL_EVERY", "200ms");
            try (BotFixture bot = BotFixture.start(env)) {
                assertEquals("In the website repository, under content/zh/blog.",
                        bot.client.ask(QUESTION).path("answer").asText());
                assertFalse(bot.client.ask("Is this README knowledge?").path("answer").asText().contains("outside"));

                publish(git, "Moved: they are in the sofastack.tech repository now.");

                JsonNode moved = Eventually.await(Duration.ofSeconds(20), "the new commit is answered from",
                        () -> bot.client.ask(QUESTION), r -> r.path("answer").asText().startsWith("Moved"));
                assertEquals("answer", moved.path("decision").asText());
            }
        }
    }

    @Test
    void aPullThatFailsSaysWhyWithoutTheTokenInTheUrl() {
        KnowledgeGitConfig config = new KnowledgeGitConfig(Secret.of("http://bot:tok3n-s3cret@127.0.0.1:9/site.git"),
                Optional.empty(), List.of(), Duration.ofMinutes(1));
        GitKnowledge source = new GitKnowledge(config, GitKnowledge.checkoutUnder(dataDir, config));

        IllegalStateException failed = assertThrows(IllegalStateException.class, source::pull);

        assertTrue(failed.getMessage().startsWith("git http://127.0.0.1:9/site.git: "), failed.getMessage());
        assertFalse(failed.getMessage().contains("tok3n-s3cret"), failed.getMessage());
        assertEquals(dataDir.resolve("knowledge-git/site"), GitKnowledge.checkoutUnder(dataDir, config));
        assertEquals("a b *** c", source.redact("a b tok3n-s3cret c"));
    }
}
