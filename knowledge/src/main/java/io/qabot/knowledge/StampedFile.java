package io.qabot.knowledge;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The frame of a file in the data folder that holds something derived from the knowledge
 * ({@link IndexSnapshot}, {@link CorpusSnapshot}): a magic number, the format version and the
 * code fingerprint ({@link CodeVersion}), then the body, then the CRC-32C of the body. A file
 * whose frame does not hold is {@link Unusable}, and is never partly used: a stale or damaged
 * file costs a slow start, never a wrong answer. Files are replaced by a move, so a reader sees
 * the old file or the new one.
 *
 * <p>CRC-32C, as file systems and databases check their blocks, rather than SHA-256: the
 * checksum is against damage (a torn write, a bad sector, a truncated copy), and the data folder
 * is no trust boundary, since whoever can write these files can write the database beside them.
 * Every start checks every byte, and without C2 (the launcher's options) SHA-256 ran at about
 * 100 MiB/s: 1.6 s of a restart with 100k items, against 0.1 s for CRC-32C, which the JVM
 * computes with the CPU's own instruction.
 */
final class StampedFile {
    private static final int CHECKSUM_BYTES = Integer.BYTES;

    private StampedFile() {
    }

    /** Writes a body. */
    interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** A file that cannot be used, and why. */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason);
        }
    }

    /**
     * The file's bytes, mapped rather than read into the heap (at 100k items they are a hundred
     * MiB, most of which a start does not need); null when there is no file.
     */
    static ByteBuffer map(Path file) throws IOException, Unusable {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new Unusable("too large (" + size + " bytes)");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The body of {@code file}, once its magic number, version, code fingerprint and checksum hold. */
    static ByteBuffer body(ByteBuffer file, int magic, int version, String code) throws Unusable {
        try {
            SnapshotInput in = new SnapshotInput(file);
            if (in.remaining() < 2 * Integer.BYTES || in.readInt() != magic) {
                throw new Unusable("not a qabot " + Integer.toHexString(magic) + " file");
            }
            int written = in.readInt();
            if (written != version) {
                throw new Unusable("format " + written + ", this qabot writes " + version);
            }
            String writtenBy = in.string();
            if (!writtenBy.equals(code)) {
                throw new Unusable("written by other code (" + shortly(writtenBy) + ", this is " + shortly(code) + ")");
            }
            int length = in.remaining() - CHECKSUM_BYTES;
            if (length < 0) {
                throw new Unusable("truncated");
            }
            ByteBuffer body = in.bytes(length);
            int expected = in.readInt();
            CRC32C crc = new CRC32C();
            crc.update(body.duplicate());
            if ((int) crc.getValue() != expected) {
                throw new Unusable("checksum mismatch");
            }
            return body;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new Unusable("truncated");
        } catch (IllegalArgumentException e) {
            throw new Unusable("unreadable: " + e.getMessage());
        }
    }

    /** Writes the frame around {@code body} to {@code out}. */
    static void write(OutputStream out, int magic, int version, String code, Body body) throws IOException {
        DataOutputStream head = new DataOutputStream(out);
        head.writeInt(magic);
        head.writeInt(version);
        SnapshotOutput.writeString(head, code);
        head.flush();
        CRC32C crc = new CRC32C();
        DataOutputStream checked = new DataOutputStream(new CheckedOutputStream(out, crc));
        body.writeTo(checked);
        checked.flush();
        head.writeInt((int) crc.getValue());
        head.flush();
    }

    /** Replaces {@code file} with a framed {@code body}: written beside it, then moved into place. */
    static void replace(Path file, int magic, int version, Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            // streamed: at 100k items the file is tens of MiB, which a start should not hold twice in its heap
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                write(out, magic, version, CodeVersion.CURRENT, body);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String shortly(String code) {
        return code.length() > 12 ? code.substring(0, 12) : code;
    }
}
