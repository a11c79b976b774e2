package io.qabot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema brought to the migrations this build ships. Flyway's migrate (its classes, its scan
 * and its validation) was a sixth of a restart, and on a restart there is nothing to migrate: when
 * the history table records exactly the scripts on the classpath, by version, name and Flyway's
 * checksum, all successful, Flyway is not run. Anything else, or anything that cannot be read
 * (no history yet, a failed or changed row, a script not in a plain folder or jar), is Flyway's
 * to decide, which migrates or refuses as it always did.
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern SCRIPT = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

    private Migrations() {
    }

    static void apply(DataSource dataSource, ClassLoader loader, String location) {
        if (current(dataSource, loader, location)) {
            log.debug("store: the schema has every migration of this build; Flyway not run");
            return;
        }
        Flyway.configure(loader).dataSource(dataSource).locations("classpath:" + location).load().migrate();
    }

    /** Whether the history records exactly the scripts under {@code location}; false when unsure. */
    static boolean current(DataSource dataSource, ClassLoader loader, String location) {
        Optional<Map<String, Recorded>> shipped = shipped(loader, location);
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return false;
        }
        Map<String, Recorded> recorded = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(
                     "SELECT \"version\", \"script\", \"checksum\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                Object checksum = rows.getObject(3);
                String type = rows.getString(4);
                if (rows.getString(1) == null && ("TABLE".equals(type) || "SCHEMA".equals(type)) && rows.getBoolean(5)) {
                    continue; // Flyway's marker of the history table or schema it created, no migration
                }
                if (rows.getString(1) == null || checksum == null || !"SQL".equals(rows.getString(4)) || !rows.getBoolean(5)) {
                    return false;
                }
                if (recorded.put(rows.getString(2), new Recorded(version(rows.getString(1)), rows.getInt(3))) != null) {
                    return false;
                }
            }
        } catch (SQLException e) {
            return false; // no history (a new database) or one this check cannot read
        }
        return recorded.equals(shipped.get());
    }

    private record Recorded(String version, int checksum) {
    }

    /** The scripts by file name, with their version and checksum; empty when they cannot be listed. */
    private static Optional<Map<String, Recorded>> shipped(ClassLoader loader, String location) {
        Map<String, Recorded> scripts = new HashMap<>();
        try {
            Enumeration<URL> folders = loader.getResources(location);
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if ("file".equals(folder.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        for (Path file : files.toList()) {
                            try (InputStream in = Files.newInputStream(file)) {
                                if (!add(scripts, file.getFileName().toString(), in)) {
                                    return Optional.empty();
                                }
                            }
                        }
                    }
                } else if ("jar".equals(folder.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) folder.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String folderName = connection.getEntryName(); // "db/migration/" when the jar lists the folder
                        String prefix = folderName.endsWith("/") ? folderName : folderName + "/";
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            JarEntry entry = entries.nextElement();
                            String name = entry.getName();
                            if (entry.isDirectory() || !name.startsWith(prefix)) {
                                continue;
                            }
                            if (name.indexOf('/', prefix.length()) >= 0) {
                                return Optional.empty(); // Flyway would scan sub-folders too
                            }
                            try (InputStream in = jar.getInputStream(entry)) {
                                if (!add(scripts, name.substring(prefix.length()), in)) {
                                    return Optional.empty();
                                }
                            }
                        }
                    }
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | UncheckedIOException | ClassCastException e) {
            return Optional.empty();
        }
        return Optional.of(scripts);
    }

    private static boolean add(Map<String, Recorded> scripts, String name, InputStream in) throws IOException {
        Matcher m = SCRIPT.matcher(name);
        if (!m.matches()) {
            return false; // a file Flyway might read differently (another prefix, a callback): ask it
        }
        return scripts.put(name, new Recorded(version(m.group(1)), checksum(in))) == null;
    }

    // Flyway's version "1.2" is written "1_2" or "1.2" in file names
    private static String version(String version) {
        return version.replace('_', '.');
    }

    /** Flyway's checksum of a SQL script: CRC-32 of its lines' UTF-8 bytes, without line breaks and BOM. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = lines.readLine();
        }
        return (int) crc.getValue();
    }
}
