package io.qabot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the YAML file into a Jackson tree, and nothing more: no binding, so that every later
 * message can name the setting's path instead of a Java type.
 */
final class ConfigFileReader {

    // A repeated key is almost always a copy-paste slip in which the second value silently
    // wins; rejecting it is cheaper than debugging it.
    private static final Pattern PROBLEM_MARK = Pattern.compile("line (\\d+), column \\d+");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    ObjectNode read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + file + " is a folder, not a file");
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + lineOf(e) + ": malformed YAML (" + problem(e) + ")", e);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new ConfigException("config file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode(); // an empty file means "all defaults"
        }
        if (!tree.isObject()) {
            throw new ConfigException(file + ": expected settings (key: value lines) at the top level");
        }
        return (ObjectNode) tree;
    }

    // SnakeYAML marks the problem last ("... in 'reader', line 2, column 1:"); that is more
    // precise than the parser's location, which can still point at the previous token.
    private static String lineOf(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher mark = PROBLEM_MARK.matcher(message);
        String line = null;
        while (mark.find()) {
            line = mark.group(1);
        }
        if (line != null) {
            return " line " + line;
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
    }

    // SnakeYAML's message spans several lines: the context ("while parsing a block mapping"),
    // indented excerpts of the file with a caret, and the problem ("expected <block end>, but
    // found ..."). The unindented lines carry the meaning; the line number is reported separately.
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }
}
