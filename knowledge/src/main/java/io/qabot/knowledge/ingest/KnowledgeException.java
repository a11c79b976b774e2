package io.qabot.knowledge.ingest;

/**
 * A knowledge path that cannot be read at all: it does not exist or is not accessible. Unlike
 * a bad file inside a folder (a {@link io.qabot.knowledge.Problem}), this is a configuration
 * mistake the operator has to fix, so it stops the read.
 */
public final class KnowledgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
