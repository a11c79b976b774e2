package io.qabot.knowledge;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge as read from its files, kept in the data folder beside the index
 * ({@value #FILE_NAME}): once the index is decoded ({@link IndexSnapshot}), parsing every digest
 * again is most of a warm start, so a start whose files are byte for byte the ones the corpus was
 * read from decodes the items and problems instead. The key is the reader's hash of the files'
 * paths and bytes ({@code KnowledgeReader.contentKey}), never a modification time, which a
 * checkout or a copy can leave unchanged. Framed as a {@link StampedFile}: a file from other
 * code (another parser) or a damaged one is not used, and the files are read again.
 *
 * <pre>
 * CorpusSnapshot stored = CorpusSnapshot.read(dataDir.resolve(CorpusSnapshot.FILE_NAME));
 * Corpus corpus = stored.corpus(key).orElseGet(() -> reader.read(paths));   // then write(file, key, corpus) if it was read
 * </pre>
 */
public final class CorpusSnapshot {
    public static final String FILE_NAME = "knowledge-corpus.bin";
    /** Change it when the file's layout changes (the code fingerprint catches everything else). */
    static final int FORMAT_VERSION = 2;
    private static final int MAGIC = 0x5142434f; // "QBCO"

    private final String key;
    private final Corpus corpus;
    private final String problem;

    private CorpusSnapshot(String key, Corpus corpus, String problem) {
        this.key = key;
        this.corpus = corpus;
        this.problem = problem;
    }

    /**
     * Reads {@code file}. A missing file holds nothing; an unreadable, damaged or foreign one holds
     * nothing and {@link #problem()} says why.
     */
    public static CorpusSnapshot read(Path file) {
        try {
            ByteBuffer bytes = StampedFile.map(file);
            if (bytes == null) {
                return new CorpusSnapshot(null, null, null);
            }
            SnapshotInput in = new SnapshotInput(StampedFile.body(bytes, MAGIC, FORMAT_VERSION, CodeVersion.CURRENT));
            String key = in.string();
            Corpus corpus = corpus(in);
            if (in.remaining() != 0) {
                return new CorpusSnapshot(null, null, in.remaining() + " bytes after the corpus");
            }
            return new CorpusSnapshot(key, corpus, null);
        } catch (StampedFile.Unusable e) {
            return new CorpusSnapshot(null, null, e.getMessage());
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            return new CorpusSnapshot(null, null, "truncated");
        } catch (IOException | RuntimeException e) {
            return new CorpusSnapshot(null, null, "unreadable (" + e + ")");
        }
    }

    /** The corpus read from the files {@code contentKey} describes, when this file holds it. */
    public Optional<Corpus> corpus(String contentKey) {
        return contentKey.equals(key) ? Optional.of(corpus) : Optional.empty();
    }

    /** Why the file was not used (damaged, truncated, from other code), or null. */
    public String problem() {
        return problem;
    }

    /** Replaces {@code file} with {@code corpus}, read from the files {@code contentKey} describes. */
    public static void write(Path file, String contentKey, Corpus corpus) throws IOException {
        StampedFile.replace(file, MAGIC, FORMAT_VERSION, out -> {
            SnapshotOutput.writeString(out, contentKey);
            write(out, corpus);
        });
    }

    static void write(DataOutputStream out, Corpus corpus) throws IOException {
        out.writeInt(corpus.documents());
        out.writeInt(corpus.items().size());
        for (KnowledgeItem item : corpus.items()) {
            SnapshotOutput.writeString(out, item.id());
            out.writeInt(item.turns().size());
            for (Turn turn : item.turns()) {
                SnapshotOutput.writeString(out, turn.question());
                SnapshotOutput.writeString(out, turn.answer());
                out.writeInt(turn.line());
            }
            out.writeInt(item.links().size());
            for (String link : item.links()) {
                SnapshotOutput.writeString(out, link);
            }
            SnapshotOutput.writeString(out, item.project());
            Source source = item.source();
            SnapshotOutput.writeString(out, source.file());
            SnapshotOutput.writeString(out, source.title());
            out.writeBoolean(source.date() != null);
            if (source.date() != null) {
                out.writeLong(source.date().toEpochDay());
            }
            out.writeBoolean(source.url() != null);
            if (source.url() != null) {
                SnapshotOutput.writeString(out, source.url());
            }
            SnapshotOutput.writeString(out, item.origin().name());
        }
        out.writeInt(corpus.problems().size());
        for (Problem problem : corpus.problems()) {
            SnapshotOutput.writeString(out, problem.file());
            out.writeInt(problem.line());
            SnapshotOutput.writeString(out, problem.reason());
        }
    }

    static Corpus corpus(SnapshotInput in) {
        int documents = in.readInt();
        KnowledgeItem[] items = new KnowledgeItem[in.count(Integer.BYTES)];
        for (int i = 0; i < items.length; i++) {
            String id = in.string();
            Turn[] turns = new Turn[in.count(Integer.BYTES)];
            for (int t = 0; t < turns.length; t++) {
                turns[t] = new Turn(in.string(), in.string(), in.readInt());
            }
            String[] links = new String[in.count(Integer.BYTES)];
            for (int l = 0; l < links.length; l++) {
                links[l] = in.string();
            }
            String project = in.string();
            String file = in.string();
            String title = in.string();
            LocalDate date = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
            String url = in.readBoolean() ? in.string() : null;
            items[i] = new KnowledgeItem(id, List.of(turns), List.of(links), project, new Source(file, title, date, url),
                    Origin.valueOf(in.string()));
        }
        List<Problem> problems = new ArrayList<>();
        for (int p = in.count(Integer.BYTES); p > 0; p--) {
            problems.add(new Problem(in.string(), in.readInt(), in.string()));
        }
        return new Corpus(documents, List.of(items), problems);
    }
}
