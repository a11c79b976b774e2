package io.qabot.knowledge.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The web site the community publishes its digests and FAQ pages on ({@code site.properties}
 * beside this class), which a knowledge item's source link points to. A resource, not code,
 * so another community's knowledge needs another file, not another parser.
 *
 * @param root the site's address without a trailing slash, e.g. {@code https://www.sofastack.tech}
 */
record Site(String root) {
    /** The site of this build's community. */
    static final Site BUILT_IN = load();

    Site {
        if (!root.startsWith("https://") && !root.startsWith("http://")) {
            throw new IllegalArgumentException("site.properties: site must be an http(s) address, got " + root);
        }
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** A digest's post: {@code <site>/blog/<file name without .md>/}. */
    String post(String fileNameWithoutExtension) {
        return root + "/blog/" + fileNameWithoutExtension + "/";
    }

    private static Site load() {
        Properties properties = new Properties();
        try (InputStream in = Site.class.getResourceAsStream("site.properties")) {
            if (in == null) {
                throw new IllegalStateException("site.properties is missing from the knowledge module");
            }
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading site.properties from the knowledge module failed", e);
        }
        String root = properties.getProperty("site");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("site.properties in the knowledge module names no site");
        }
        return new Site(root.strip());
    }
}
