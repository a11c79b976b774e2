package io.qabot.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks at start-up that the data folder can take the bot's writes: it exists or can be made,
 * a file can be written to it, synced and deleted, and its file system has room. A read-only
 * volume or a full disk then stops {@code serve} with one line naming the folder and the
 * reason, instead of a database stack trace later, or escalations that fail to save while
 * the bot looks healthy.
 */
final class DataDirProbe {
    /** Room for the embedded database to grow with the queue and the question log for a good while. */
    static final long MIN_FREE_BYTES = 64L * 1024 * 1024;
    private static final int PROBE_BYTES = 64 * 1024;

    private final long minFreeBytes;

    DataDirProbe(long minFreeBytes) {
        this.minFreeBytes = minFreeBytes;
    }

    /** @throws UsageException naming {@code dataDir} and what is wrong with it */
    void check(Path dataDir) {
        Path probe = dataDir.resolve(".qabot-write-probe-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dataDir);
            // a write the size of a few database pages, synced: a full disk refuses it here, not at the first commit
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.delete(probe);
        } catch (IOException e) {
            deleteQuietly(probe);
            throw new UsageException("dataDir: " + dataDir + " is not writable: " + reason(e));
        }
        long free;
        try {
            free = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            throw new UsageException("dataDir: cannot tell the free space of " + dataDir + ": " + reason(e));
        }
        if (free < minFreeBytes) {
            throw new UsageException("dataDir: " + dataDir + " has " + mebibytes(free) + " free; qabot needs at least "
                    + mebibytes(minFreeBytes) + " there for its database");
        }
    }

    /** The operating system's words: Read-only file system, No space left on device, permission denied. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder, and it cannot be made";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String mebibytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }

    private static void deleteQuietly(Path probe) {
        try {
            Files.deleteIfExists(probe);
        } catch (IOException ignored) {
            // the folder refused the write; it will refuse this too, and the error above says why
        }
    }
}
