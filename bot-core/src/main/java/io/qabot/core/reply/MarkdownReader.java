package io.qabot.core.reply;

import io.qabot.core.reply.Markup.Block;
import io.qabot.core.reply.Markup.Code;
import io.qabot.core.reply.Markup.Emphasis;
import io.qabot.core.reply.Markup.Inline;
import io.qabot.core.reply.Markup.Kind;
import io.qabot.core.reply.Markup.LineBreak;
import io.qabot.core.reply.Markup.Link;
import io.qabot.core.reply.Markup.Strong;
import io.qabot.core.reply.Markup.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the markdown that answers are written in (the digests' dialect: CommonMark with
 * GitHub's bare links) into {@link Markup} blocks. Lenient by design: anything it does not
 * recognise stays text, so no answer is ever lost to a parse error.
 */
final class MarkdownReader {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern ORDERED = Pattern.compile("^\\s*(\\d{1,9})[.)]\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^>\\s?(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>()\\[\\]]*[^\\s<>()\\[\\].,;:!?'\"。，；：！？）】]");

    private MarkdownReader() {
    }

    static List<Block> read(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        StringBuilder code = null;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (code != null) {
                if (FENCE.matcher(line).matches()) {
                    blocks.add(new Block(Kind.CODE_BLOCK, 0, List.of(new Text(stripLastNewline(code)))));
                    code = null;
                } else {
                    code.append(line).append('\n');
                }
                continue;
            }
            Matcher m;
            if (FENCE.matcher(line).matches()) {
                flush(paragraph, blocks);
                code = new StringBuilder();
            } else if (line.isBlank()) {
                flush(paragraph, blocks);
            } else if ((m = HEADING.matcher(line)).matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.HEADING, m.group(1).length(), inlines(m.group(2).trim())));
            } else if ((m = BULLET.matcher(line)).matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.BULLET, 0, inlines(m.group(1).trim())));
            } else if ((m = ORDERED.matcher(line)).matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.ORDERED, Integer.parseInt(m.group(1)), inlines(m.group(2).trim())));
            } else if ((m = QUOTE.matcher(line)).matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.QUOTE, 0, inlines(m.group(1).trim())));
            } else {
                paragraph.add(line.trim());
            }
        }
        if (code != null) {
            // an unclosed fence: keep what was there rather than dropping it
            blocks.add(new Block(Kind.CODE_BLOCK, 0, List.of(new Text(stripLastNewline(code)))));
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static String stripLastNewline(StringBuilder code) {
        int end = code.length();
        return end > 0 && code.charAt(end - 1) == '\n' ? code.substring(0, end - 1) : code.toString();
    }

    private static void flush(List<String> paragraph, List<Block> blocks) {
        if (paragraph.isEmpty()) {
            return;
        }
        List<Inline> spans = new ArrayList<>();
        for (int i = 0; i < paragraph.size(); i++) {
            if (i > 0) {
                spans.add(new LineBreak());
            }
            spans.addAll(inlines(paragraph.get(i)));
        }
        blocks.add(new Block(Kind.PARAGRAPH, 0, spans));
        paragraph.clear();
    }

    /** Splits one line into spans: code first (nothing inside code is markup), then links, then emphasis. */
    static List<Inline> inlines(String line) {
        List<Inline> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int end;
            if (c == '\\' && i + 1 < line.length() && isPunctuation(line.charAt(i + 1))) {
                text.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '`' && (end = line.indexOf('`', i + 1)) > i + 1) {
                i = emit(out, text, new Code(line.substring(i + 1, end)), end + 1);
            } else if (c == '[' && (end = linkEnd(line, i)) > 0) {
                int close = line.indexOf("](", i);
                i = emit(out, text, new Link(line.substring(i + 1, close), line.substring(close + 2, end).trim()), end + 1);
            } else if ((c == '*' || c == '_') && line.startsWith(String.valueOf(c).repeat(2), i)
                    && (end = line.indexOf(String.valueOf(c).repeat(2), i + 2)) > i + 2) {
                i = emit(out, text, new Strong(line.substring(i + 2, end)), end + 2);
            } else if ((c == '*' || c == '_') && opensEmphasis(line, i)
                    && (end = line.indexOf(c, i + 1)) > i + 1 && closesEmphasis(line, end)) {
                i = emit(out, text, new Emphasis(line.substring(i + 1, end)), end + 1);
            } else if ((c == 'h') && (line.startsWith("http://", i) || line.startsWith("https://", i))) {
                Matcher url = BARE_URL.matcher(line).region(i, line.length());
                if (url.lookingAt()) {
                    i = emit(out, text, new Link(url.group(), url.group()), url.end());
                } else {
                    text.append(c);
                    i++;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) {
            out.add(new Text(text.toString()));
        }
        return out;
    }

    private static int emit(List<Inline> out, StringBuilder text, Inline span, int next) {
        if (text.length() > 0) {
            out.add(new Text(text.toString()));
            text.setLength(0);
        }
        out.add(span);
        return next;
    }

    /** The index of the ')' closing {@code [text](url)} starting at {@code open}, or -1. */
    private static int linkEnd(String line, int open) {
        int close = line.indexOf("](", open);
        if (close < 0 || line.indexOf(']', open) != close) {
            return -1;
        }
        int end = line.indexOf(')', close + 2);
        return end > close + 2 ? end : -1;
    }

    // '_' inside words (snake_case, file_name.md) is not emphasis; '*' needs a non-space after it
    private static boolean opensEmphasis(String line, int i) {
        boolean wordBefore = i > 0 && Character.isLetterOrDigit(line.charAt(i - 1));
        boolean spaceAfter = i + 1 >= line.length() || Character.isWhitespace(line.charAt(i + 1));
        return !spaceAfter && !(line.charAt(i) == '_' && wordBefore);
    }

    private static boolean closesEmphasis(String line, int i) {
        boolean spaceBefore = Character.isWhitespace(line.charAt(i - 1));
        boolean wordAfter = i + 1 < line.length() && Character.isLetterOrDigit(line.charAt(i + 1));
        return !spaceBefore && !(line.charAt(i) == '_' && wordAfter);
    }

    private static boolean isPunctuation(char c) {
        return "\\`*_{}[]()#+-.!<>|~".indexOf(c) >= 0;
    }
}
