package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A knowledge file's text as lines. Loading is strict on purpose: a file that is too big, binary
 * or not UTF-8 is reported as a problem rather than parsed as garbage, because garbage would
 * end up as answers in a chat.
 *
 * @param name  the file name without folder, as used in {@link io.qabot.knowledge.Source#file()}
 * @param lines the lines without line terminators; line {@code n} (1-based) is {@code lines.get(n - 1)}
 */
record TextFile(String name, List<String> lines) {
    TextFile {
        lines = List.copyOf(lines);
    }

    /**
     * Loads {@code path}, or adds a problem and returns empty. Never throws for file content;
     * the size is checked before reading so a huge file costs nothing.
     */
    static Optional<TextFile> load(Path path, long maxBytes, List<Problem> problems) {
        String name = path.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                problems.add(new Problem(name, 0,
                        "file too large: " + size + " bytes (limit " + maxBytes + " bytes), not read"));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            problems.add(new Problem(name, 0, "cannot read file: " + e));
            return Optional.empty();
        }
        if (bytes.length == 0) {
            problems.add(new Problem(name, 0, "empty file"));
            return Optional.empty();
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.add(new Problem(name, lineAt(bytes, i), "binary file: NUL byte at offset " + i));
                return Optional.empty();
            }
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (MalformedText e) {
            problems.add(new Problem(name, lineAt(bytes, e.offset),
                    "not UTF-8: invalid byte 0x" + String.format("%02X", bytes[e.offset] & 0xFF)
                            + " at offset " + e.offset));
            return Optional.empty();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(new Problem(name, 0, "empty file"));
            return Optional.empty();
        }
        return Optional.of(new TextFile(name, splitLines(text)));
    }

    private static String decodeUtf8(byte[] bytes) throws MalformedText {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // the decoder stops with the input positioned at the first bad byte
            throw new MalformedText(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new MalformedText(Math.max(0, bytes.length - 1));
        }
        out.flip();
        return out.toString();
    }

    /** 1-based line of the byte at {@code offset}. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Splits on \n, \r\n and lone \r, so line numbers match what an editor shows. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Internal signal carrying where decoding failed. */
    private static final class MalformedText extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;

        MalformedText(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }
}
