package io.qabot.core.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * The small document model an answer is read into: blocks of flat inline spans. Flat on
 * purpose: answers in digests use bold, code and links, rarely nested, and chat dialects
 * cannot nest most of them anyway.
 */
final class Markup {
    private Markup() {
    }

    sealed interface Inline permits Text, Strong, Emphasis, Code, Link, LineBreak {
        /** The characters a reader sees. */
        String visible();

        Inline cut(int chars);
    }

    record Text(String text) implements Inline {
        public String visible() {
            return text;
        }

        public Inline cut(int chars) {
            return new Text(text.substring(0, chars));
        }
    }

    record Strong(String text) implements Inline {
        public String visible() {
            return text;
        }

        public Inline cut(int chars) {
            return new Strong(text.substring(0, chars));
        }
    }

    record Emphasis(String text) implements Inline {
        public String visible() {
            return text;
        }

        public Inline cut(int chars) {
            return new Emphasis(text.substring(0, chars));
        }
    }

    record Code(String text) implements Inline {
        public String visible() {
            return text;
        }

        public Inline cut(int chars) {
            return new Code(text.substring(0, chars));
        }
    }

    record Link(String text, String url) implements Inline {
        public String visible() {
            return text;
        }

        public Inline cut(int chars) {
            return new Link(text.substring(0, chars), url);
        }
    }

    record LineBreak() implements Inline {
        public String visible() {
            return "\n";
        }

        public Inline cut(int chars) {
            return chars == 0 ? new Text("") : this;
        }
    }

    enum Kind { PARAGRAPH, HEADING, BULLET, ORDERED, QUOTE, CODE_BLOCK }

    /**
     * One block. {@code number} is the item number of an ORDERED block, the level of a
     * HEADING; a CODE_BLOCK holds one Text span with its lines.
     */
    record Block(Kind kind, int number, List<Inline> inlines) {
        Block {
            inlines = List.copyOf(inlines);
        }

        String visible() {
            StringBuilder out = new StringBuilder();
            for (Inline inline : inlines) {
                out.append(inline.visible());
            }
            return out.toString();
        }

        /** The block's first {@code chars} visible characters. */
        Block cut(int chars) {
            List<Inline> kept = new ArrayList<>();
            int left = chars;
            for (Inline inline : inlines) {
                int length = inline.visible().length();
                if (length <= left) {
                    kept.add(inline);
                    left -= length;
                } else {
                    if (left > 0) {
                        kept.add(inline.cut(left));
                    }
                    break;
                }
            }
            return new Block(kind, number, kept);
        }

        Block append(Inline inline) {
            List<Inline> more = new ArrayList<>(inlines);
            more.add(inline);
            return new Block(kind, number, more);
        }
    }
}
