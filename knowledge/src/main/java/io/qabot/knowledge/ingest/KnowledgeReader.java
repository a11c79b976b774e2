package io.qabot.knowledge.ingest;

import io.qabot.knowledge.Corpus;
import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads knowledge files into a {@link Corpus}. Each path is a folder (all {@code *.md} files
 * below it, in path order so re-reads give the same ids) or a single file. Each file's format
 * is recognised by its content: an FAQ page has {@code Q：} entry headings, anything else is
 * read as a weekly digest.
 *
 * <p>A path that does not exist or cannot be read is a {@link KnowledgeException}: the
 * configuration is wrong. Everything wrong inside the files (too big, binary, not UTF-8,
 * broken markdown, questions without answers) is a {@link Problem} and the rest is still read.
 * {@link Corpus#documents()} counts the files read as text.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class KnowledgeReader {
    /** Digest posts are tens of kilobytes; anything this big is not a post. */
    public static final long DEFAULT_MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final long maxFileBytes;

    public KnowledgeReader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    public KnowledgeReader(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    /** Reads all {@code paths}; throws {@link KnowledgeException} for a path that is missing or unreadable. */
    public Corpus read(List<Path> paths) {
        List<Problem> problems = new ArrayList<>();
        Set<Path> files = files(paths, problems);
        List<KnowledgeItem> items = new ArrayList<>();
        int documents = 0;
        for (Path file : files) {
            var text = TextFile.load(file, maxFileBytes, problems);
            if (text.isEmpty()) {
                continue;
            }
            documents++;
            items.addAll(parse(text.get(), problems));
        }
        return new Corpus(documents, items, problems);
    }

    /**
     * A hash of everything {@link #read} depends on besides the code: the size cap, every file's
     * name and bytes in the order {@code read} reads them, and the problems met finding them. Equal
     * keys, equal corpus (with the same code), so a start can use the corpus it kept
     * ({@link io.qabot.knowledge.CorpusSnapshot}). It reads every file, never trusting a
     * modification time (a checkout or a copy can leave one unchanged over new bytes), and costs
     * what reading the bytes costs, which is little beside parsing them.
     *
     * @throws KnowledgeException as {@link #read} does, for a path that is missing or unreadable
     */
    public String contentKey(List<Path> paths) {
        List<Problem> problems = new ArrayList<>();
        Set<Path> files = files(paths, problems);
        MessageDigest sha = sha256();
        field(sha, "max " + maxFileBytes);
        for (Path file : files) {
            // the name, not the folder: items and problems name their file only, so the sample
            // knowledge unpacked into a new temporary folder at every start is the same corpus
            field(sha, file.getFileName().toString());
            try {
                long size = Files.size(file);
                if (size > maxFileBytes) {
                    field(sha, "too big " + size);
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
                sha.update(bytes);
            } catch (IOException | RuntimeException e) {
                // read reports it as a problem of this file; another failure next time is another key
                field(sha, "unreadable " + e);
            }
        }
        problems.forEach(problem -> field(sha, problem.toString()));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Set<Path> files(List<Path> paths, List<Problem> problems) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            files.addAll(filesIn(path, problems));
        }
        return files;
    }

    // length-prefixed, so ("ab", "c") and ("a", "bc") differ
    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static List<KnowledgeItem> parse(TextFile file, List<Problem> problems) {
        try {
            FrontMatter frontMatter = FrontMatter.parse(file, problems);
            return FaqPageParser.isFaqPage(file)
                    ? new FaqPageParser().parse(file, frontMatter, problems)
                    : new WeeklyDigestParser().parse(file, frontMatter, problems);
        } catch (RuntimeException e) {
            // a parser bug must not take the whole knowledge base down with it
            problems.add(new Problem(file.name(), 0, "could not parse: " + e));
            return List.of();
        }
    }

    private static List<Path> filesIn(Path path, List<Problem> problems) {
        if (!Files.exists(path)) {
            throw new KnowledgeException("knowledge path does not exist: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new KnowledgeException("knowledge path is not readable: " + path);
        }
        Path normalized = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized)) {
            return List.of(normalized);
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(normalized, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (file.equals(normalized)) {
                        throw new KnowledgeException("cannot read knowledge folder " + path + ": " + e, e);
                    }
                    problems.add(new Problem(file.getFileName().toString(), 0, "cannot read: " + e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new KnowledgeException("cannot read knowledge folder " + path + ": " + e, e);
        }
        found.sort(null);
        return found;
    }
}
