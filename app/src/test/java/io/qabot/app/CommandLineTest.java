package io.qabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    private static final String WEEKLY = SHARED.resolve("corpus/sofa-weekly").toString();
    private final ObjectMapper mapper = new ObjectMapper();

    private record Run(int status, String out, String err) {
        List<JsonNode> jsonLines(ObjectMapper mapper) throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(mapper.readTree(line));
                }
            }
            return lines;
        }
    }

    /** Where ask and eval keep the analysed knowledge: not the source tree. */
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dataDir;

    private static Run run(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    private static Run run(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        Map<String, String> withDataDir = new java.util.HashMap<>(environment);
        withDataDir.putIfAbsent("QABOT_DATA_DIR", dataDir.toString());
        int status = Main.run(List.of(args), withDataDir, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void askAnswersAKnownQuestionWithTheDigestsAnswerLinkAndSource() throws Exception {
        Run run = run("", "ask", "--knowledge", WEEKLY, "--json", "SOFAJRaft", "支持跨机房部署吗？");
        assertEquals(0, run.status(), run.err());
        JsonNode result = run.jsonLines(mapper).get(0);
        assertEquals("answer", result.get("decision").asText());
        assertTrue(result.get("answer").asText().contains("跨机房不需要特殊支持"), result.toString());
        assertTrue(result.get("links").toString().contains("https://github.com/sofastack/sofa-jraft"), result.toString());
        assertEquals("sofa-weekly-20191101.md", result.at("/source/file").asText());
        assertEquals("https://www.sofastack.tech/blog/sofa-weekly-20191101/", result.at("/source/url").asText());
        assertTrue(result.get("reply").asText().contains("跨机房不需要特殊支持"));
        // JSON is written with non-ASCII characters as they are
        assertTrue(run.out().contains("跨机房"));
    }

    @Test
    void aDeploymentChoosesTheConfidenceItAnswersAt() throws Exception {
        String question = "SOFAJRaft 支持跨机房部署吗？";
        JsonNode fitted = run("", "ask", "--knowledge", WEEKLY, "--json", question).jsonLines(mapper).get(0);
        assertEquals("answer", fitted.get("decision").asText(), fitted.toString());
        double score = fitted.get("score").asDouble();
        Run stricter = run(Map.of("QABOT_MATCHING_MIN_CONFIDENCE", String.valueOf(Math.min(1, score + 0.001))), "",
                "ask", "--knowledge", WEEKLY, "--json", question);
        assertEquals(0, stricter.status(), stricter.err());
        assertEquals("escalate", stricter.jsonLines(mapper).get(0).get("decision").asText(), stricter.out());
        Run bad = run(Map.of("QABOT_MATCHING_MIN_CONFIDENCE", "very"), "", "ask", "--knowledge", WEEKLY, question);
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("matching.minConfidence"), bad.err());
    }

    @Test
    void askExplainSaysWhatDecidedWithTheFeaturesAndTheRunnerUp() throws Exception {
        JsonNode answered = run("", "ask", "--knowledge", WEEKLY, "--json", "--explain", "SOFAJRaft 支持跨机房部署吗？")
                .jsonLines(mapper).get(0);
        JsonNode why = answered.get("explain");
        assertTrue(why.get("decidedBy").asText().startsWith("threshold: confidence"), why.toString());
        assertTrue(why.at("/features/reverseCoverage/value").isNumber(), why.toString());
        assertTrue(why.at("/runnerUp/file").asText().endsWith(".md"), why.toString());

        // a question about a product the knowledge has no thread on is ruled out, and its score says so
        JsonNode ruled = run("", "ask", "--knowledge", WEEKLY, "--json", "--explain", "how to run a spark job on yarn")
                .jsonLines(mapper).get(0);
        assertEquals("escalate", ruled.get("decision").asText(), ruled.toString());
        assertTrue(ruled.get("score").asDouble() <= 0.1, ruled.toString());

        Run text = run("", "ask", "--knowledge", WEEKLY, "--explain", "谢谢大佬");
        assertTrue(text.out().contains("decided by rule: "), text.out());
        assertTrue(text.out().strip().endsWith("ignore (0.00)"), text.out());
    }

    @Test
    void replayAsksTheLaterThreadsOfTheKnowledgeBeforeADateAndAnswersOnlyAFew() throws Exception {
        Run run = run("", "eval", "--knowledge", WEEKLY, "--knowledge", SHARED.resolve("corpus/faq").toString(),
                "--replay", "2021-01-01", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode result = run.jsonLines(mapper).get(0);
        int questions = result.get("questions").asInt();
        int answered = result.get("answered").asInt();
        assertTrue(questions > 300, result.toString());
        assertTrue(answered <= 0.12 * questions, result.toString());
        assertEquals(answered, result.get("answers").size());
        for (JsonNode answer : result.get("answers")) {
            // the question comes from a post on or after the date, its answer from one before it
            assertTrue(answer.get("postDate").asText().compareTo("2021-01-01") >= 0, answer.toString());
            assertTrue(answer.get("fromDate").isNull() || answer.get("fromDate").asText().compareTo("2021-01-01") < 0,
                    answer.toString());
            assertTrue(answer.get("confidence").asDouble() > 0 && !answer.get("answer").asText().isEmpty());
        }

        Run text = run("", "eval", "--knowledge", WEEKLY, "--knowledge", SHARED.resolve("corpus/faq").toString(),
                "--replay", "2021-01-01");
        assertTrue(text.out().contains("later questions asked, " + answered + " answered"), text.out());
        Run badDate = run("", "eval", "--knowledge", WEEKLY, "--replay", "last year");
        assertEquals(2, badDate.status());
        assertTrue(badDate.err().contains("is not a date"), badDate.err());
    }

    @Test
    void evalCurveShowsWhatEachThresholdWouldAnswerAndMarksTheOneInUse() throws Exception {
        Run run = run("", "eval", "--knowledge", WEEKLY, "--knowledge", SHARED.resolve("corpus/faq").toString(),
                "--eval", SHARED.resolve("eval/dev.jsonl").toString(), "--curve");
        assertEquals(0, run.status(), run.err());
        List<String> rows = run.out().lines().filter(l -> l.matches("0\\.\\d{3} .*")).toList();
        assertTrue(rows.size() >= 10, run.out());
        assertEquals(1, rows.stream().filter(r -> r.endsWith("<- in use")).count(), run.out());
        // a higher threshold never answers more
        int previous = Integer.MAX_VALUE;
        for (String row : rows) {
            int answers = Integer.parseInt(row.trim().split("\\s+")[1]);
            assertTrue(answers <= previous, run.out());
            previous = answers;
        }
    }

    @Test
    void askGivesOneResultPerInputLineInOrderWhateverTheLineHolds() throws Exception {
        String huge = "为什么 ".repeat(20_000);
        String input = String.join("\n", "", "hi all", huge, "seata\u0000 \u0007 的 AT 模式\u001b[31m 怎么回滚？", "谢谢大佬", "") + "\n";
        Run run = run(input, "ask", "--knowledge", WEEKLY, "--json");
        assertEquals(0, run.status(), run.err());
        List<JsonNode> results = run.jsonLines(mapper);
        assertEquals(6, results.size(), run.out());
        assertEquals("ignore", results.get(0).get("decision").asText());
        assertEquals("ignore", results.get(1).get("decision").asText());
        assertEquals("hi all", results.get(1).get("question").asText());
        assertTrue(results.get(2).get("question").asText().startsWith("为什么"));
        assertEquals("ignore", results.get(4).get("decision").asText());
        assertEquals("ignore", results.get(5).get("decision").asText());
    }

    @Test
    void aKnowledgePathThatDoesNotExistIsABadInputExitNamingIt() {
        Run run = run("", "ask", "--knowledge", "/no/such/folder", "hello?");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("/no/such/folder"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run("", "asq", "x");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown command 'asq'"), run.err());
    }

    @Test
    void everyCommandHasItsOwnHelpOnStandardOutputWithStatusZero() {
        for (String command : List.of("serve", "ask", "ingest", "eval", "digest", "stats")) {
            for (String flag : List.of("--help", "-h")) {
                Run run = run("", command, flag);
                assertEquals(0, run.status(), command + " " + flag + ": " + run.err());
                assertTrue(run.out().startsWith("usage: qabot " + command + " "), run.out());
                assertTrue(run.out().contains("--config FILE"), run.out());
                assertEquals("", run.err());
            }
        }
        // after the other options too, and never for a question that merely mentions it
        assertTrue(run("", "digest", "--since", "2026-11-01", "--help").out().startsWith("usage: qabot digest"));
        assertEquals(0, run("", "ask", "--", "what does --help do?").status());
    }

    @Test
    void theCommandListsColumnsLineUp() {
        Run run = run("", "--help");
        List<String> rows = run.out().lines().filter(l -> l.startsWith("  ")).toList();
        assertEquals(7, rows.size(), run.out()); // eval has two forms: --eval and --replay
        int column = -1;
        for (String row : rows) {
            java.util.regex.Matcher description = java.util.regex.Pattern.compile("\\S  +(\\S)").matcher(row.strip());
            int at = -1;
            while (description.find()) {
                at = description.start(1) + 2; // the last gap of two or more spaces starts the description
            }
            if (column < 0) {
                column = at;
            }
            assertEquals(column, at, "misaligned: " + row);
        }
    }

    @Test
    void ingestPrintsOneJsonLineWithOrWithoutStats() {
        String with = run("", "ingest", "--stats").out();
        assertEquals(with, run("", "ingest").out());
        assertEquals(1, with.lines().count(), with);
    }

    @Test
    void ingestStatsCountsTheShippedSampleKnowledgeWhenNoneIsGiven() throws Exception {
        Run run = run("", "ingest", "--stats");
        assertEquals(0, run.status(), run.err());
        JsonNode stats = mapper.readTree(run.out());
        assertEquals(1, stats.get("documents").asInt());
        assertEquals(6, stats.get("items").asInt());
        assertEquals(6, stats.get("turns").asInt());
        assertEquals(0, stats.get("problems").size(), stats.toString());
    }

    @Test
    void ingestStatsFindsTheThreadsAndTurnsOfTheWeeklyDigests() throws Exception {
        Run run = run("", "ingest", "--knowledge", WEEKLY, "--stats");
        assertEquals(0, run.status(), run.err());
        JsonNode stats = mapper.readTree(run.out());
        assertEquals(192, stats.get("documents").asInt());
        assertTrue(stats.get("items").asInt() >= 486, stats.get("items").toString());
        int turns = stats.get("turns").asInt();
        assertTrue(turns >= 746 && turns <= 762, "turns " + turns);
    }
}
