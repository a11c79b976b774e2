package io.qabot.core.reply;

import io.qabot.core.reply.Markup.Block;
import io.qabot.core.reply.Markup.Kind;
import io.qabot.core.reply.Markup.Text;
import io.qabot.knowledge.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the text of a reply in one dialect:
 *
 * <pre>
 * @asker the answer…
 *
 * Links: https://github.com/…
 * Source: post title (2019-11-01) https://…
 * </pre>
 *
 * <p>When the whole would exceed {@code maxChars}, the answer is cut after its last
 * sentence that fits and marked with "…"; the links and the source stay, because they are
 * where the full answer can be read. Immutable and thread-safe.
 */
public final class ReplyRenderer {
    private static final String ELLIPSIS = "…";

    private final Dialect dialect;
    private final int maxChars;
    private final MarkupWriter writer;

    private ReplyRenderer(Dialect dialect, int maxChars) {
        this.dialect = dialect;
        this.maxChars = maxChars;
        this.writer = MarkupWriter.of(dialect);
    }

    /** @param maxChars the platform's limit on one message, in Java chars */
    public static ReplyRenderer of(Dialect dialect, int maxChars) {
        Objects.requireNonNull(dialect, "dialect");
        if (maxChars < 40) {
            throw new IllegalArgumentException("maxChars must be at least 40 to hold a reply: " + maxChars);
        }
        return new ReplyRenderer(dialect, maxChars);
    }

    public Dialect dialect() {
        return dialect;
    }

    public int maxChars() {
        return maxChars;
    }

    /**
     * The reply text for {@code answer}, addressed to {@code addressee} (null: addressed to
     * no one, as for the command line), never longer than {@code maxChars}.
     */
    public String render(Answer answer, Addressee addressee) {
        Objects.requireNonNull(answer, "answer");
        List<Block> blocks = MarkdownReader.read(answer.markdown().strip());
        // a link the answer already shows is not listed again under "Links:"
        List<String> links = answer.links().stream().filter(link -> !mentions(answer.markdown(), link)).toList();
        return fit(addressee, blocks, links, answer.source())
                // links and source that leave no room for the answer go: the answer matters more
                .or(() -> fit(addressee, blocks, List.of(), null))
                .or(() -> fit(null, blocks, List.of(), null))
                .orElse(ELLIPSIS);
    }

    /** Whether {@code markdown} holds {@code link} itself (with or without a final slash), not a longer URL. */
    static boolean mentions(String markdown, String link) {
        String bare = link.endsWith("/") ? link.substring(0, link.length() - 1) : link;
        for (int at = markdown.indexOf(bare); at >= 0; at = markdown.indexOf(bare, at + 1)) {
            int end = at + bare.length();
            if (end < markdown.length() && markdown.charAt(end) == '/') {
                end++;
            }
            if (end == markdown.length() || !continuesUrl(markdown, end)) {
                return true;
            }
        }
        return false;
    }

    // a sentence's full stop or comma after a URL is not part of it; a dot before more of the path is
    private static boolean continuesUrl(String text, int at) {
        char c = text.charAt(at);
        if (c == '.' || c == ',') {
            return at + 1 < text.length() && Character.isLetterOrDigit(text.charAt(at + 1));
        }
        return Character.isLetterOrDigit(c) || "-_~/#@$&*+=%?".indexOf(c) >= 0;
    }

    private Optional<String> fit(Addressee addressee, List<Block> blocks, List<String> links, Source source) {
        String full = compose(addressee, blocks, links, source);
        if (full.length() <= maxChars) {
            return Optional.of(full);
        }
        int answerLength = writer.write(blocks).length();
        int room = maxChars - (full.length() - answerLength) - ELLIPSIS.length();
        if (room <= 0) {
            return Optional.empty();
        }
        String visible = visible(blocks);
        // markup makes the written answer longer than what is seen: scale, then shrink until it fits
        int budget = (int) ((long) visible.length() * room / Math.max(1, answerLength));
        for (int attempt = 0; attempt < 16 && budget > 0; attempt++) {
            int cut = SentenceBoundary.before(visible, budget);
            String text = compose(addressee, cut(blocks, cut), links, source);
            if (text.length() <= maxChars) {
                return Optional.of(text);
            }
            budget = Math.min(cut, budget) - Math.max(1, text.length() - maxChars);
        }
        return Optional.empty();
    }

    private String compose(Addressee addressee, List<Block> blocks, List<String> links, Source source) {
        StringBuilder out = new StringBuilder();
        String mention = addressee == null ? "" : writer.mention(addressee);
        if (!mention.isEmpty()) {
            out.append(mention);
            boolean inline = !blocks.isEmpty() && blocks.get(0).kind() == Kind.PARAGRAPH;
            out.append(inline ? " " : writer.lineBreak());
        }
        out.append(writer.write(blocks));
        List<String> footer = new ArrayList<>();
        if (!links.isEmpty()) {
            List<String> written = new ArrayList<>();
            for (String link : links) {
                String one = writer.safeLink(link, link);
                if (!one.isEmpty()) {
                    written.add(one);
                }
            }
            if (!written.isEmpty()) {
                footer.add(writer.escape("Links: ") + String.join(" ", written));
            }
        }
        if (source != null && (!source.title().isBlank() || source.url() != null)) {
            footer.add(writer.escape("Source: ") + source(source));
        }
        if (!footer.isEmpty()) {
            out.append(writer.paragraphBreak()).append(String.join(writer.lineBreak(), footer));
        }
        return out.toString();
    }

    private String source(Source source) {
        String title = source.title().isBlank() ? source.file() : source.title();
        String date = source.date() == null ? "" : writer.escape(" (" + source.date() + ")");
        Optional<String> url = LinkTarget.of(source.url());
        if (url.isEmpty()) {
            return writer.escape(title) + date;
        }
        // plain text has no link syntax: title, date, then the address people can copy
        return writer.plainText()
                ? title + date + " " + url.get()
                : writer.safeLink(title, url.get()) + date;
    }

    private static String visible(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(block.visible());
        }
        return out.toString();
    }

    /** The blocks' first {@code chars} visible characters (as counted by {@link #visible}), then "…". */
    private static List<Block> cut(List<Block> blocks, int chars) {
        List<Block> kept = new ArrayList<>();
        int left = chars;
        for (Block block : blocks) {
            if (left <= 0) {
                break;
            }
            int length = block.visible().length();
            if (length <= left) {
                kept.add(block);
                left -= length + 1;
            } else {
                kept.add(block.cut(left));
                break;
            }
        }
        if (kept.isEmpty()) {
            kept.add(new Block(Kind.PARAGRAPH, 0, List.of(new Text(ELLIPSIS))));
        } else {
            int last = kept.size() - 1;
            Block end = kept.get(last);
            kept.set(last, end.kind() == Kind.CODE_BLOCK
                    ? new Block(Kind.CODE_BLOCK, 0, List.of(new Text(end.visible().stripTrailing() + "\n" + ELLIPSIS)))
                    : end.append(new Text(ELLIPSIS)));
        }
        return kept;
    }
}
