package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hugo front matter of a post: the simple {@code key: value} lines between {@code ---}
 * fences. Only scalar values are kept (title, date, aliases); list values keep their first
 * item, which is all the parsers need.
 *
 * @param fields    keys as written, values without quotes
 * @param bodyStart index (0-based) of the first line after the front matter
 * @param line      1-based line of the opening fence, for problems; 1 when there is none
 */
record FrontMatter(Map<String, String> fields, int bodyStart, int line) {
    FrontMatter {
        fields = Map.copyOf(fields);
    }

    static final FrontMatter NONE = new FrontMatter(Map.of(), 0, 1);

    /**
     * Reads the front matter at the top of {@code lines} (blank lines before it are allowed).
     * An opening fence without a closing one is reported and treated as no front matter, so
     * the rest of the file is still read.
     */
    static FrontMatter parse(TextFile file, List<Problem> problems) {
        List<String> lines = file.lines();
        int open = 0;
        while (open < lines.size() && MarkdownLine.trim(lines.get(open)).isEmpty()) {
            open++;
        }
        if (open >= lines.size() || !MarkdownLine.trim(lines.get(open)).equals("---")) {
            return NONE;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String listKey = null;
        for (int i = open + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = MarkdownLine.trim(line);
            if (t.equals("---")) {
                return new FrontMatter(fields, i + 1, open + 1);
            }
            if (t.startsWith("- ") && listKey != null) {
                fields.putIfAbsent(listKey, unquote(t.substring(2)));
                continue;
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.isEmpty() ? 'x' : line.charAt(0))) {
                continue;
            }
            String key = t.substring(0, colon).trim();
            String value = unquote(t.substring(colon + 1).trim());
            listKey = value.isEmpty() ? key : null;
            if (value.startsWith("[") && value.endsWith("]")) {
                String inner = value.substring(1, value.length() - 1);
                int comma = inner.indexOf(',');
                value = unquote((comma < 0 ? inner : inner.substring(0, comma)).trim());
            }
            if (!value.isEmpty()) {
                fields.put(key, value);
            }
        }
        problems.add(new Problem(file.name(), open + 1, "front matter is not closed with ---"));
        return new FrontMatter(Map.of(), open + 1, open + 1);
    }

    String title() {
        return fields.getOrDefault("title", "");
    }

    /** The {@code date} as a local date ({@code 2019-11-01T15:00:00+08:00} → 2019-11-01), or null. */
    LocalDate date(String file, List<Problem> problems) {
        String value = fields.get("date");
        if (value == null) {
            return null;
        }
        String day = value.length() >= 10 ? value.substring(0, 10) : value;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, line, "front matter date is not a date: " + value));
            return null;
        }
    }

    String alias() {
        return fields.get("aliases");
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
