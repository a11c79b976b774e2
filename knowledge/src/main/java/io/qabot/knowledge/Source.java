package io.qabot.knowledge;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a piece of knowledge was published: the knowledge file's name (no folder), the
 * post's title and date, and its public address. {@code date} and {@code url} may be null
 * for sources that have none (an FAQ page without front matter, a maintainer's answer).
 */
public record Source(String file, String title, LocalDate date, String url) {
    public Source {
        Objects.requireNonNull(file, "file");
        title = title == null ? "" : title;
    }
}
