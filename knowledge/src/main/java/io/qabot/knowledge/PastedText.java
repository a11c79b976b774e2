package io.qabot.knowledge;

import java.util.regex.Pattern;

/**
 * What a member pastes rather than writes: log lines, stack traces, code and configuration.
 * A message that is nothing but pasted text asks nothing the bot can answer from a digest
 * (a maintainer has to read it), and in a long issue-style message the stack frames are
 * noise that outweighs the one sentence that asks: the frames go, the exception's own line
 * stays (its message is often what a digest answered).
 */
final class PastedText {
    private static final Pattern FRAME = Pattern.compile("^\\s*(at\\s+[\\w.$<>]+\\(.*\\)|\\.\\.\\.\\s*\\d+\\s+more|Caused by:.*)\\s*$");
    private static final Pattern LOG_OR_EXCEPTION = Pattern.compile(
            "^\\s*(\\[?\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}.*|Exception in thread.*|[\\w.$]+(Exception|Error)(:.*)?)\\s*$");
    private static final Pattern CODE = Pattern.compile(
            "^\\s*(@\\w+(\\(.*)?|(public|private|protected|import|package|return)\\b.*|.*[{};]|[)}\\]]+.*"
                    + "|[\\w.\\-\\[\\]\"']+\\s*[:=]\\s*[^\\p{IsHan}]*|<[/?!]?[\\w:\\-]+.*>|[-*]\\s+[\\w.\\-]+:?\\s*\\S*)\\s*$");

    private PastedText() {
    }

    /** True when every non-blank line of the message is a log line, a stack frame, code or configuration. */
    static boolean onlyPasted(String text) {
        boolean any = false;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            any = true;
            // a line with Chinese in it is written, unless it is a log line (which starts with its time)
            if (hasHan(line) && !Character.isDigit(line.strip().charAt(0)) && line.strip().charAt(0) != '[') {
                return false;
            }
            if (!FRAME.matcher(line).matches() && !LOG_OR_EXCEPTION.matcher(line).matches()
                    && !CODE.matcher(line).matches()) {
                return false;
            }
        }
        return any;
    }

    private static boolean hasHan(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= 0x3400 && c <= 0x9FFF) {
                return true;
            }
        }
        return false;
    }

    /** The message without its stack frames. */
    static String withoutFrames(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            if (!FRAME.matcher(line).matches()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
