package io.qabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An evaluation file as {@code ../shared/eval/README.md} defines it: one labelled question a
 * line, with the expected source file and a snippet of the expected answer, or no
 * expectation when the bot must not answer.
 */
record EvaluationSet(List<Line> lines) {
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern IGNORED = Pattern.compile("[\\s*`>#]+");

    record Expectation(String file, String answerContains) {
        boolean accepts(String file, String answer) {
            return this.file.equals(file) && normalize(answer).contains(normalize(answerContains));
        }
    }

    record Line(String id, String query, String kind, List<Expectation> expected) {
        boolean answerable() {
            return !expected.isEmpty();
        }

        boolean accepts(String file, String answer) {
            return file != null && answer != null && expected.stream().anyMatch(e -> e.accepts(file, answer));
        }
    }

    static EvaluationSet read(Path file, ObjectMapper mapper) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the evaluation file (" + e.getMessage() + ")");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode json = mapper.readTree(text.get(i));
                List<Expectation> expected = new ArrayList<>();
                addExpectation(json.get("expect"), expected);
                JsonNode alt = json.get("alt");
                if (alt != null && alt.isArray()) {
                    alt.forEach(a -> addExpectation(a, expected));
                }
                String query = json.path("query").asText(null);
                if (query == null) {
                    throw new UsageException(file + ":" + (i + 1) + ": no \"query\"");
                }
                lines.add(new Line(json.path("id").asText("line " + (i + 1)), query,
                        json.path("kind").asText("unknown"), List.copyOf(expected)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UsageException(file + ":" + (i + 1) + ": not a JSON object (" + e.getOriginalMessage() + ")");
            }
        }
        return new EvaluationSet(List.copyOf(lines));
    }

    private static void addExpectation(JsonNode node, List<Expectation> into) {
        if (node != null && node.isObject() && node.hasNonNull("file")) {
            into.add(new Expectation(node.get("file").asText(), node.path("answer_contains").asText("")));
        }
    }

    /** The README's normalisation: markdown links become their text; white space and * ` &gt; # go. */
    static String normalize(String text) {
        return IGNORED.matcher(MARKDOWN_LINK.matcher(text).replaceAll("$1")).replaceAll("");
    }
}
