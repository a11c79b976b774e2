package io.qabot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.knowledge.ingest.KnowledgeReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus kept in the data folder: decoded, it is the corpus the files give (every item,
 * turn, link, source and problem); it is used only for files whose bytes are the ones it was
 * read from, whatever their modification times say; a damaged or foreign file is never used.
 */
class CorpusSnapshotTest {
    private static final Path SHARED = Path.of(System.getProperty("qabot.shared", "../../shared"));
    private final KnowledgeReader reader = new KnowledgeReader();

    @TempDir
    Path tmp;

    @Test
    void theKeptCorpusIsTheOneTheFilesGive() throws Exception {
        List<Path> paths = List.of(SHARED.resolve("corpus/sofa-weekly"), SHARED.resolve("corpus/faq"));
        Corpus read = reader.read(paths);
        assertTrue(read.items().size() > 500 && !read.problems().isEmpty(), "the corpus has items and problems");
        Path file = tmp.resolve(CorpusSnapshot.FILE_NAME);
        String key = reader.contentKey(paths);
        CorpusSnapshot.write(file, key, read);

        CorpusSnapshot stored = CorpusSnapshot.read(file);
        assertNull(stored.problem());
        // records all the way down: ids, turns with lines, links, project, source with date and url, origin
        assertEquals(Optional.of(read), stored.corpus(key));
        assertEquals(key, reader.contentKey(paths), "the same files, the same key");
        assertEquals(Optional.empty(), stored.corpus(reader.contentKey(paths.subList(0, 1))), "other files");
    }

    @Test
    void aChangedByteIsAnotherKeyWhateverTheModificationTime() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("knowledge"));
        Path digest = folder.resolve("sofa-weekly-20191101.md");
        Files.copy(SHARED.resolve("corpus/sofa-weekly").resolve(digest.getFileName()), digest);
        FileTime time = Files.getLastModifiedTime(digest);
        String before = reader.contentKey(List.of(folder));

        byte[] bytes = Files.readAllBytes(digest);
        bytes[bytes.length / 2] ^= 1;
        Files.write(digest, bytes);
        Files.setLastModifiedTime(digest, time);
        assertNotEquals(before, reader.contentKey(List.of(folder)), "one bit changed under the same mtime");
        Files.write(folder.resolve("added.md"), "# Q：qabot 是什么\nA：一个机器人\n".getBytes());
        String added = reader.contentKey(List.of(folder));
        Files.setLastModifiedTime(digest, FileTime.fromMillis(0));
        assertEquals(added, reader.contentKey(List.of(folder)), "a modification time alone changes nothing");
        Path elsewhere = Files.createDirectories(tmp.resolve("unpacked-again"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.copy(file, elsewhere.resolve(file.getFileName()));
            }
        }
        // items and problems name their file, not its folder: the sample knowledge is unpacked anew at every start
        assertEquals(added, reader.contentKey(List.of(elsewhere)), "the same files in another folder");
        assertEquals(reader.read(List.of(folder)), reader.read(List.of(elsewhere)));
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("truncated by 10 bytes", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 10)),
                Arguments.of("cut in half", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length / 2)),
                Arguments.of("empty", (UnaryOperator<byte[]>) b -> new byte[0]),
                Arguments.of("another format version", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    ByteBuffer.wrap(copy).putInt(4, CorpusSnapshot.FORMAT_VERSION + 1);
                    return copy;
                }),
                Arguments.of("one flipped bit in the middle", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    copy[copy.length / 2] ^= 0x10;
                    return copy;
                }),
                Arguments.of("bytes appended", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length + 3)),
                Arguments.of("an index file instead", (UnaryOperator<byte[]>) b -> {
                    byte[] copy = b.clone();
                    ByteBuffer.wrap(copy).putInt(0, 0x51424958);
                    return copy;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedFileIsNeverUsed(String damage, UnaryOperator<byte[]> spoil) throws Exception {
        List<Path> paths = List.of(SHARED.resolve("corpus/faq"));
        Path file = tmp.resolve(CorpusSnapshot.FILE_NAME);
        String key = reader.contentKey(paths);
        CorpusSnapshot.write(file, key, reader.read(paths));
        Files.write(file, spoil.apply(Files.readAllBytes(file)));

        CorpusSnapshot damaged = CorpusSnapshot.read(file);
        assertNotNull(damaged.problem(), damage + " went unnoticed");
        assertEquals(Optional.empty(), damaged.corpus(key));
    }

    @Test
    void aFileWrittenByOtherCodeIsNotUsed() throws Exception {
        Path file = tmp.resolve(CorpusSnapshot.FILE_NAME);
        List<Path> paths = List.of(SHARED.resolve("corpus/faq"));
        java.io.ByteArrayOutputStream other = new java.io.ByteArrayOutputStream();
        Corpus corpus = reader.read(paths);
        // as written by another build of the parsers
        StampedFile.write(other, 0x5142434f, CorpusSnapshot.FORMAT_VERSION, "another build", out -> {
            SnapshotOutput.writeString(out, reader.contentKey(paths));
            CorpusSnapshot.write(out, corpus);
        });
        Files.write(file, other.toByteArray());
        CorpusSnapshot foreign = CorpusSnapshot.read(file);
        assertTrue(foreign.problem().startsWith("written by other code"), foreign.problem());
        assertEquals(Optional.empty(), foreign.corpus(reader.contentKey(paths)));
    }
}
