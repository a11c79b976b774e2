package io.qabot.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The knowledge index kept in the data folder, so a restart (or {@code qabot ask}) neither
 * analyses every item again nor rebuilds the index: the file holds the finished query side
 * ({@link IndexImage}: vocabulary, entries, postings) for the list of items it was built from,
 * and each item's analysis (Chinese segmentation, code identifiers, product names) under a hash
 * of the item's text.
 *
 * <p>A start whose items are the ones the query side was built from (the same texts and projects,
 * in the same order: {@link CorpusKey}) decodes it and is done. Otherwise the index is built
 * again, analysing only the items whose text the file does not hold, whichever files hold them
 * (and learned answers too). The file carries {@link #FORMAT_VERSION} and a fingerprint of the
 * knowledge module's code, resources and Lucene's version; a file from other code, a truncated
 * one, or one whose CRC-32C does not match its bytes is not used at all: everything is analysed
 * again and the file rewritten. So a stale or damaged file costs one slow start, never a wrong answer.
 *
 * <pre>
 * IndexSnapshot stored = IndexSnapshot.read(dataDir.resolve(IndexSnapshot.FILE_NAME));
 * KnowledgeIndex index = stored.build(items);   // decoded, or built analysing only what the file did not hold
 * stored.write();                               // keeps what this build made, when it changed
 * </pre>
 */
public final class IndexSnapshot {
    /** Change it when the file's layout changes (the code fingerprint catches everything else). */
    public static final int FORMAT_VERSION = 5;
    public static final String FILE_NAME = "knowledge-index.bin";
    private static final int MAGIC = 0x51424958; // "QBIX"
    /**
     * How many finished indexes a file keeps, the last built first: serve with learned answers
     * builds two at every start, the digests' and FAQ pages' alone and then with the learned
     * answers, and both should decode at the next start.
     */
    static final int MAX_INDEXES = 2;

    private final Path file;
    private final Contents contents;
    private volatile String problem;
    /** The stored analyses, decoded when a build first needs them (a decoded index needs none). */
    private Map<TextKey, StoredItem> stored;
    private final Map<TextKey, StoredItem> used = new ConcurrentHashMap<>();
    private volatile int reused;
    private volatile int analysed;
    private boolean decoded;
    private List<KnowledgeItem> lastItems;
    private CorpusKey lastKey;
    private KnowledgeIndex lastIndex;

    private IndexSnapshot(Path file, Contents contents, String problem) {
        this.file = file;
        this.contents = contents;
        this.problem = problem;
    }

    /**
     * Reads {@code file}. A missing file is an empty snapshot; an unreadable, damaged or foreign
     * one is an empty snapshot whose {@link #problem()} says why.
     */
    public static IndexSnapshot read(Path file) {
        ByteBuffer bytes;
        try {
            bytes = StampedFile.map(file);
        } catch (StampedFile.Unusable e) {
            return new IndexSnapshot(file, Contents.NONE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new IndexSnapshot(file, Contents.NONE, "unreadable (" + e + ")");
        }
        if (bytes == null) {
            return new IndexSnapshot(file, Contents.NONE, null);
        }
        try {
            return new IndexSnapshot(file, parse(bytes, CodeVersion.CURRENT), null);
        } catch (StampedFile.Unusable e) {
            return new IndexSnapshot(file, Contents.NONE, e.getMessage());
        }
    }

    /**
     * The index of {@code items}: the stored one when it was built from exactly these items,
     * else a build reusing the stored analysis of every item whose text the file holds.
     */
    public KnowledgeIndex build(Collection<KnowledgeItem> items) {
        used.clear();
        reused = 0;
        analysed = 0;
        decoded = false;
        List<KnowledgeItem> list = List.copyOf(items);
        CorpusKey key = CorpusKey.of(list);
        KnowledgeIndex index = null;
        ByteBuffer querySide = contents.querySides().get(key);
        if (problem == null && querySide != null) {
            try {
                index = IndexImage.read(new SnapshotInput(querySide), list, Confidence.FITTED);
                decoded = true;
                reused = list.size();
            } catch (RuntimeException e) {
                // the checksum held, so only a bug writes this: never trust the rest of the file either
                problem = "the stored index does not decode (" + e.getMessage() + ")";
            }
        }
        if (index == null) {
            index = IndexBuilder.build(list, this::analysed, Confidence.FITTED);
        }
        lastItems = list;
        lastKey = key;
        lastIndex = index;
        return index;
    }

    /**
     * Writes what the last {@link #build} made and used, unless the file already holds exactly that.
     * Written to a temporary file and moved into place, so a reader sees the old file or the new one.
     *
     * @return whether the file was written
     */
    public boolean write() throws IOException {
        if (lastIndex == null || decoded) {
            return false;
        }
        if (problem == null && analysed == 0 && contents.querySides().containsKey(lastKey)
                && used.size() == stored().size()) {
            return false;
        }
        Map<CorpusKey, byte[]> querySides = new LinkedHashMap<>();
        querySides.put(lastKey, querySide(lastIndex, lastItems));
        if (problem == null) {
            // the most recent others, until there are MAX_INDEXES
            for (Map.Entry<CorpusKey, ByteBuffer> other : contents.querySides().entrySet()) {
                if (querySides.size() < MAX_INDEXES && !other.getKey().equals(lastKey)) {
                    querySides.put(other.getKey(), bytesOf(other.getValue()));
                }
            }
        }
        StampedFile.replace(file, MAGIC, FORMAT_VERSION, body(querySides, used));
        return true;
    }

    /** Why the file was not used (damaged, truncated, from other code), or null. */
    public String problem() {
        return problem;
    }

    /** What the last build took from the file. */
    public String summary() {
        return decoded ? "index decoded, " + reused + " items" : reused + " items reused, " + analysed + " analysed";
    }

    int reused() {
        return reused;
    }

    int analysed() {
        return analysed;
    }

    /** Whether the last build decoded the stored index instead of building one. */
    boolean decoded() {
        return decoded;
    }

    /** The item's analysis: the stored one for its text, else {@code analyse}'s, kept for {@link #write}. */
    List<IndexBuilder.AnalysedTurn> analysed(KnowledgeItem item,
                                               Function<KnowledgeItem, List<IndexBuilder.AnalysedTurn>> analyse) {
        TextKey key = TextKey.of(item);
        StoredItem known = stored().get(key);
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

    /** The stored analyses; none when the file has a problem. */
    private synchronized Map<TextKey, StoredItem> stored() {
        if (stored == null) {
            if (problem != null || contents.analyses() == null) {
                stored = Map.of();
            } else {
                try {
                    stored = parseAnalyses(contents.analyses());
                } catch (StampedFile.Unusable e) {
                    problem = e.getMessage();
                    stored = Map.of();
                }
            }
        }
        return stored;
    }

    // ---- the file -------------------------------------------------------------------------

    /**
     * What a file holds once its stamp and checksum are checked: the finished indexes by the key
     * of the items each was built from, last built first, and the analyses, all still encoded.
     */
    record Contents(Map<CorpusKey, ByteBuffer> querySides, ByteBuffer analyses) {
        static final Contents NONE = new Contents(Map.of(), null);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] querySide(KnowledgeIndex index, List<KnowledgeItem> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        IndexImage.write(index, items, out);
        out.flush();
        return bytes.toByteArray();
    }

    /** The same contents stamped with another code version; for tests of a foreign file. */
    static byte[] restamp(Contents contents, String codeVersion) throws IOException, StampedFile.Unusable {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<CorpusKey, byte[]> querySides = new LinkedHashMap<>();
        contents.querySides().forEach((key, querySide) -> querySides.put(key, bytesOf(querySide)));
        format(querySides, parseAnalyses(contents.analyses()), codeVersion, bytes);
        return bytes.toByteArray();
    }

    /**
     * The layout: magic, {@link #FORMAT_VERSION}, the code fingerprint; then the body (the number
     * of finished indexes, each as the key of the items it was built from, its length and bytes;
     * the term table; then each item's turns as term numbers); then the CRC-32C of the body.
     */
    static void format(Map<CorpusKey, byte[]> querySides, Map<TextKey, StoredItem> items, String codeVersion,
                       java.io.OutputStream file) throws IOException {
        StampedFile.write(file, MAGIC, FORMAT_VERSION, codeVersion, body(querySides, items));
    }

    private static StampedFile.Body body(Map<CorpusKey, byte[]> querySides, Map<TextKey, StoredItem> items) {
        return body -> {
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
            body.writeInt(querySides.size());
            for (Map.Entry<CorpusKey, byte[]> querySide : querySides.entrySet()) {
                body.writeLong(querySide.getKey().high());
                body.writeLong(querySide.getKey().low());
                body.writeInt(querySide.getValue().length);
                body.write(querySide.getValue());
            }
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
        };
    }

    static Contents parse(ByteBuffer bytes, String codeVersion) throws StampedFile.Unusable {
        try {
            SnapshotInput contents = new SnapshotInput(StampedFile.body(bytes, MAGIC, FORMAT_VERSION, codeVersion));
            int indexes = contents.count(2 * Long.BYTES + Integer.BYTES);
            if (indexes > MAX_INDEXES) {
                throw new StampedFile.Unusable(indexes + " indexes, at most " + MAX_INDEXES + " are kept");
            }
            Map<CorpusKey, ByteBuffer> querySides = new LinkedHashMap<>();
            for (int i = 0; i < indexes; i++) {
                CorpusKey builtFrom = new CorpusKey(contents.readLong(), contents.readLong());
                querySides.put(builtFrom, contents.bytes(contents.count()));
            }
            return new Contents(Collections.unmodifiableMap(querySides), contents.bytes(contents.remaining()));
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new StampedFile.Unusable("truncated");
        } catch (IllegalArgumentException e) {
            throw new StampedFile.Unusable("unreadable: " + e.getMessage());
        }
    }

    static Map<TextKey, StoredItem> parseAnalyses(ByteBuffer bytes) throws StampedFile.Unusable {
        try {
            SnapshotInput data = new SnapshotInput(bytes);
            String[] terms = new String[data.count(Integer.BYTES)];
            for (int t = 0; t < terms.length; t++) {
                terms[t] = data.string();
            }
            int items = data.count(2 * Long.BYTES);
            Map<TextKey, StoredItem> result = new HashMap<>(items * 2);
            for (int i = 0; i < items; i++) {
                TextKey key = new TextKey(data.readLong(), data.readLong());
                StoredTurn[] turns = new StoredTurn[data.count()];
                for (int t = 0; t < turns.length; t++) {
                    turns[t] = new StoredTurn(readTerms(data, terms), readTerms(data, terms),
                            readTerms(data, terms), readTerms(data, terms), data.string(),
                            data.readInt(), data.readInt());
                }
                result.put(key, new StoredItem(List.of(turns)));
            }
            if (data.remaining() != 0) {
                throw new StampedFile.Unusable(data.remaining() + " bytes after the last item");
            }
            return result;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new StampedFile.Unusable("truncated");
        } catch (IllegalArgumentException e) {
            throw new StampedFile.Unusable("unreadable: " + e.getMessage());
        }
    }


    private static void writeTerms(DataOutputStream out, Collection<String> terms, Map<String, Integer> ids)
            throws IOException {
        out.writeInt(terms.size());
        for (String term : terms) {
            out.writeInt(ids.get(term));
        }
    }

    private static List<String> readTerms(SnapshotInput in, String[] table) throws StampedFile.Unusable {
        String[] terms = new String[in.count(Integer.BYTES)];
        for (int i = 0; i < terms.length; i++) {
            int id = in.readInt();
            if (id < 0 || id >= table.length) {
                throw new StampedFile.Unusable("term number " + id + " out of range");
            }
            terms[i] = table[id];
        }
        return List.of(terms);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        SnapshotOutput.writeString(out, value);
    }

    /** The first 128 bits of the SHA-256 of the texts an item's analysis is made from. */
    record TextKey(long high, long low) {
        static TextKey of(KnowledgeItem item) {
            MessageDigest sha = StampedFile.sha256();
            for (Turn turn : item.turns()) {
                field(sha, turn.question());
                field(sha, turn.answer());
            }
            ByteBuffer digest = ByteBuffer.wrap(sha.digest());
            return new TextKey(digest.getLong(), digest.getLong());
        }

        // length-prefixed, so ("ab", "c") and ("a", "bc") differ
        static void field(MessageDigest sha, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
        }
    }

    /**
     * The first 128 bits of the SHA-256 of what a built index depends on in a list of items: each
     * item's text ({@link TextKey}) and project (its product names), in order.
     */
    record CorpusKey(long high, long low) {
        static CorpusKey of(List<KnowledgeItem> items) {
            List<TextKey> texts = items.parallelStream().map(TextKey::of).toList();
            MessageDigest sha = StampedFile.sha256();
            sha.update(ByteBuffer.allocate(4).putInt(items.size()).array());
            for (int i = 0; i < items.size(); i++) {
                sha.update(ByteBuffer.allocate(16).putLong(texts.get(i).high()).putLong(texts.get(i).low()).array());
                TextKey.field(sha, items.get(i).project());
            }
            ByteBuffer digest = ByteBuffer.wrap(sha.digest());
            return new CorpusKey(digest.getLong(), digest.getLong());
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
}
