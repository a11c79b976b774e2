package io.qabot.core.reply;

/** CommonMark, for the generic webhook and the platforms that render it (Discord, WeCom). */
final class CommonMarkWriter extends MarkupWriter {
    @Override
    String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    String strong(String text) {
        return "**" + escape(text) + "**";
    }

    @Override
    String emphasis(String text) {
        return "*" + escape(text) + "*";
    }

    @Override
    String code(String text) {
        // a code span's fence must be longer than any backtick run inside it
        String fence = "`".repeat(longestBacktickRun(text) + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    @Override
    String link(String text, String url) {
        String target = url.contains(" ") || url.contains(")") ? "<" + url + ">" : url;
        return text.equals(url) ? "<" + url + ">" : "[" + escape(text) + "](" + target + ")";
    }

    @Override
    String codeBlock(String code) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
        return fence + "\n" + code + "\n" + fence;
    }

    @Override
    String heading(int level, String content) {
        return "**" + content + "**";
    }

    @Override
    String mention(Addressee addressee) {
        return "@" + escape(addressee.name());
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
