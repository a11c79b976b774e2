package io.qabot.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The analysed knowledge kept in the data folder, so a restart (or {@code qabot ask}) does not
 * analyse every item again: analysis (Chinese segmentation, code identifiers, product names)
 * is most of an index build, and it depends on nothing but an item's text and the code.
 *
 * <p>Each item's analysis is stored under a hash of the text it was made from, so a changed
 * or new item is analysed afresh and an unchanged one is reused, whichever files hold them
 * (and learned answers too). The file carries {@link #FORMAT_VERSION} and a fingerprint of the
 * knowledge module's code and Lucene's version; a file from other code, a truncated one, or
 * one whose SHA-256 does not match its bytes is not used at all: everything is analysed again
 * and the file rewritten. So a stale or damaged file costs one slow start, never a wrong answer.
 *
 * <pre>
 * IndexSnapshot stored = IndexSnapshot.read(dataDir.resolve(IndexSnapshot.FILE_NAME));
 * KnowledgeIndex index = stored.build(items);   // analyses only what the file did not hold
 * stored.write();                               // keeps what this build used, when it changed
 * </pre>
 *
 * <p>Only the per-item analysis is stored; counting the vocabulary, Lucene's inversion and the
 * postings arrays are rebuilt from it, so the matcher's own structures can change without
 * touching this format.
 */
public final class IndexSnapshot {
    /** Change it when the file's layout changes (the code fingerprint catches everything else). */
    public static final int FORMAT_VERSION = 3;
    public static final String FILE_NAME = "knowledge-index.bin";
    private static final int MAGIC = 0x51424958; // "QBIX"
    private static final int CHECKSUM_BYTES = 32;

    private final Path file;
    private final Map<TextKey, StoredItem> stored;
    private final String problem;
    private final Map<TextKey, StoredItem> used = new ConcurrentHashMap<>();
    private volatile int reused;
    private volatile int analysed;

    private IndexSnapshot(Path file, Map<TextKey, StoredItem> stored, String problem) {
        this.file = file;
        this.stored = stored;
        this.problem = problem;
    }

    /**
     * Reads {@code file}. A missing file is an empty snapshot; an unreadable, damaged or foreign
     * one is an empty snapshot whose {@link #problem()} says why.
     */
    public static IndexSnapshot read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new IndexSnapshot(file, Map.of(), null);
        } catch (IOException | OutOfMemoryError e) {
            return new IndexSnapshot(file, Map.of(), "unreadable (" + e + ")");
        }
        try {
            return new IndexSnapshot(file, parse(bytes, CodeVersion.CURRENT), null);
        } catch (Damaged e) {
            return new IndexSnapshot(file, Map.of(), e.getMessage());
        }
    }

    /** Builds the index, reusing the stored analysis of every item whose text it holds. */
    public KnowledgeIndex build(Collection<KnowledgeItem> items) {
        used.clear();
        reused = 0;
        analysed = 0;
        return IndexBuilder.build(items, this, Confidence.FITTED);
    }

    /**
     * Writes what the last {@link #build} used, unless the file already holds exactly that.
     * Written to a temporary file and moved into place, so a reader sees the old file or the new one.
     *
     * @return whether the file was written
     */
    public boolean write() throws IOException {
        if (problem == null && analysed == 0 && used.size() == stored.size()) {
            return false;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            // streamed: at 100k items the file is tens of MiB, which a start should not hold twice in its heap
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                format(used, CodeVersion.CURRENT, out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return true;
    }

    /** Why the file was not used (damaged, truncated, from other code), or null. */
    public String problem() {
        return problem;
    }

    /** How many items the last build took from the file, and how many it analysed. */
    public String summary() {
        return reused + " items reused, " + analysed + " analysed";
    }

    int reused() {
        return reused;
    }

    int analysed() {
        return analysed;
    }

    /** The item's analysis: the stored one for its text, else {@code analyse}'s, kept for {@link #write}. */
    List<IndexBuilder.AnalysedTurn> analysed(KnowledgeItem item,
                                               Function<KnowledgeItem, List<IndexBuilder.AnalysedTurn>> analyse) {
        TextKey key = TextKey.of(item);
        StoredItem known = stored.get(key);
        List<IndexBuilder.AnalysedTurn> attached = known == null ? null : known.attach(item);
        if (attached != null) {
            used.put(key, known);
            synchronized (this) {
                reused++;
            }
            return attached;
        }
        List<IndexBuilder.AnalysedTurn> turns = analyse.apply(item);
        used.put(key, StoredItem.of(turns));
        synchronized (this) {
            analysed++;
        }
        return turns;
    }

    // ---- the file -------------------------------------------------------------------------

    static byte[] format(Map<TextKey, StoredItem> items, String codeVersion) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format(items, codeVersion, bytes);
        return bytes.toByteArray();
    }

    /**
     * The layout: magic, {@link #FORMAT_VERSION}, the code fingerprint; then the body (the term
     * table, then each item's turns as term numbers); then the SHA-256 of the body.
     */
    static void format(Map<TextKey, StoredItem> items, String codeVersion, java.io.OutputStream file)
            throws IOException {
        Map<String, Integer> termIds = new HashMap<>();
        List<String> terms = new ArrayList<>();
        for (StoredItem item : items.values()) {
            for (StoredTurn turn : item.turns()) {
                for (List<String> list : List.of(turn.question(), turn.context(), turn.answer(), turn.wholeWords())) {
                    for (String term : list) {
                        if (termIds.putIfAbsent(term, terms.size()) == null) {
                            terms.add(term);
                        }
                    }
                }
            }
        }
        DataOutputStream head = new DataOutputStream(file);
        head.writeInt(MAGIC);
        head.writeInt(FORMAT_VERSION);
        writeString(head, codeVersion);
        head.flush();
        MessageDigest sha = sha256();
        DataOutputStream body = new DataOutputStream(new java.security.DigestOutputStream(file, sha));
        body.writeInt(terms.size());
        for (String term : terms) {
            writeString(body, term);
        }
        body.writeInt(items.size());
        for (Map.Entry<TextKey, StoredItem> item : items.entrySet()) {
            body.writeLong(item.getKey().high());
            body.writeLong(item.getKey().low());
            body.writeInt(item.getValue().turns().size());
            for (StoredTurn turn : item.getValue().turns()) {
                writeTerms(body, turn.question(), termIds);
                writeTerms(body, turn.context(), termIds);
                writeTerms(body, turn.answer(), termIds);
                writeTerms(body, turn.wholeWords(), termIds);
                writeString(body, turn.copyKey());
                body.writeInt(turn.turnIndex());
                body.writeInt(turn.asks());
            }
        }
        body.flush();
        file.write(sha.digest());
        file.flush();
    }

    static Map<TextKey, StoredItem> parse(byte[] bytes, String codeVersion) throws Damaged {
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) {
                throw new Damaged("not a qabot index file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new Damaged("format " + version + ", this qabot writes " + FORMAT_VERSION);
            }
            String code = readString(in, 1 << 10);
            if (!code.equals(codeVersion)) {
                throw new Damaged("written by other code (" + shortly(code) + ", this is " + shortly(codeVersion) + ")");
            }
            int offset = bytes.length - in.available();
            int length = bytes.length - offset - CHECKSUM_BYTES;
            if (length < 0) {
                throw new Damaged("truncated");
            }
            byte[] expected = Arrays.copyOfRange(bytes, offset + length, bytes.length);
            if (!MessageDigest.isEqual(expected, sha256(bytes, offset, length))) {
                throw new Damaged("checksum mismatch");
            }
            DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(bytes, offset, length));
            String[] terms = new String[count(data, length)];
            for (int t = 0; t < terms.length; t++) {
                terms[t] = readString(data, length);
            }
            int items = count(data, length);
            Map<TextKey, StoredItem> result = new HashMap<>(items * 2);
            for (int i = 0; i < items; i++) {
                TextKey key = new TextKey(data.readLong(), data.readLong());
                StoredTurn[] turns = new StoredTurn[count(data, length)];
                for (int t = 0; t < turns.length; t++) {
                    turns[t] = new StoredTurn(readTerms(data, terms, length), readTerms(data, terms, length),
                            readTerms(data, terms, length), readTerms(data, terms, length), readString(data, length),
                            data.readInt(), data.readInt());
                }
                result.put(key, new StoredItem(List.of(turns)));
            }
            if (data.available() != 0) {
                throw new Damaged(data.available() + " bytes after the last item");
            }
            return result;
        } catch (EOFException e) {
            throw new Damaged("truncated");
        } catch (IOException e) {
            throw new Damaged("unreadable: " + e.getMessage());
        }
    }

    private static String shortly(String code) {
        return code.length() > 12 ? code.substring(0, 12) : code;
    }

    private static void writeTerms(DataOutputStream out, Collection<String> terms, Map<String, Integer> ids)
            throws IOException {
        out.writeInt(terms.size());
        for (String term : terms) {
            out.writeInt(ids.get(term));
        }
    }

    private static List<String> readTerms(DataInputStream in, String[] table, int limit) throws IOException, Damaged {
        String[] terms = new String[count(in, limit)];
        for (int i = 0; i < terms.length; i++) {
            int id = in.readInt();
            if (id < 0 || id >= table.length) {
                throw new Damaged("term number " + id + " out of range");
            }
            terms[i] = table[id];
        }
        return List.of(terms);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, int limit) throws IOException, Damaged {
        byte[] bytes = new byte[count(in, limit)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A count or length, which can never exceed the bytes there are. */
    private static int count(DataInputStream in, int limit) throws IOException, Damaged {
        int n = in.readInt();
        if (n < 0 || n > limit) {
            throw new Damaged("a count of " + n + " in " + limit + " bytes");
        }
        return n;
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        MessageDigest sha = sha256();
        sha.update(bytes, offset, length);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A file that cannot be used, and why. */
    static final class Damaged extends Exception {
        Damaged(String reason) {
            super(reason);
        }
    }

    /** The first 128 bits of the SHA-256 of the texts an item's analysis is made from. */
    record TextKey(long high, long low) {
        static TextKey of(KnowledgeItem item) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Turn turn : item.turns()) {
                    field(sha, turn.question());
                    field(sha, turn.answer());
                }
                ByteBuffer digest = ByteBuffer.wrap(sha.digest());
                return new TextKey(digest.getLong(), digest.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        // length-prefixed, so ("ab", "c") and ("a", "bc") differ
        private static void field(MessageDigest sha, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
        }
    }

    /** One item's analysis without the item, as stored. */
    record StoredItem(List<StoredTurn> turns) {
        static StoredItem of(List<IndexBuilder.AnalysedTurn> analysed) {
            return new StoredItem(analysed.stream().map(t -> new StoredTurn(t.question(), t.context(), t.answer(),
                    List.copyOf(t.wholeWords()), t.copyKey(), t.turnIndex(), t.asks())).toList());
        }

        /** The stored analysis for {@code item}, or null when it names turns the item does not have. */
        List<IndexBuilder.AnalysedTurn> attach(KnowledgeItem item) {
            List<IndexBuilder.AnalysedTurn> result = new ArrayList<>(turns.size());
            for (StoredTurn turn : turns) {
                // a turn's own number: acknowledgement turns are not analysed, so numbers can skip
                if (turn.turnIndex() < 0 || turn.turnIndex() >= item.turns().size()) {
                    return null;
                }
                result.add(new IndexBuilder.AnalysedTurn(item, turn.turnIndex(), turn.question(), turn.context(),
                        turn.answer(), new LinkedHashSet<>(turn.wholeWords()), turn.copyKey(), turn.asks()));
            }
            return result;
        }
    }

    record StoredTurn(List<String> question, List<String> context, List<String> answer, List<String> wholeWords,
                      String copyKey, int turnIndex, int asks) {
    }

    /**
     * A fingerprint of the code an analysis depends on: the knowledge module's classes and
     * resources (so any change to the analyser, the glossary or the parsers makes old files
     * unusable without anyone remembering to bump a number) and Lucene's version.
     */
    static final class CodeVersion {
        static final String CURRENT = compute();

        private CodeVersion() {
        }

        private static String compute() {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
            sha.update(("format " + FORMAT_VERSION + " lucene " + org.apache.lucene.util.Version.LATEST)
                    .getBytes(StandardCharsets.UTF_8));
            String prefix = "io/qabot/knowledge/";
            try {
                Path location = Path.of(IndexSnapshot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(location.toFile())) {
                        List<ZipEntry> entries = new ArrayList<>();
                        for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            ZipEntry entry = e.nextElement();
                            if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                                entries.add(entry);
                            }
                        }
                        entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
                        for (ZipEntry entry : entries) {
                            sha.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                            // the CRC and size of each entry, from the jar's directory: no need to inflate it
                            sha.update(ByteBuffer.allocate(16).putLong(entry.getCrc()).putLong(entry.getSize()).array());
                        }
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // code we cannot fingerprint never trusts a file: a fresh value every run
                sha.update(("unknown " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
