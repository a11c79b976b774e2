package io.qabot.connectors.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each maintainer answer to a reader's question to a JSON-lines file, delivered or
 * not, so the weekly digest can publish it: readers who asked more than 48 hours ago can only
 * be answered there. One line: {@code {"recorded", "reader", "in_reply_to", "question",
 * "answer", "delivered", "reason"}}.
 */
final class WeChatDigestLog {
    private static final Logger log = LoggerFactory.getLogger(WeChatDigestLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file null to keep the entries in the log only */
    WeChatDigestLog(Path file) {
        this.file = file;
    }

    synchronized void record(Instant when, String reader, String inReplyTo, String question, String answer,
                             boolean delivered, String reason) {
        ObjectNode entry = JSON.createObjectNode()
                .put("recorded", when.toString())
                .put("reader", reader)
                .put("in_reply_to", inReplyTo)
                .put("question", question)
                .put("answer", answer)
                .put("delivered", delivered)
                .put("reason", reason);
        String line;
        try {
            line = JSON.writeValueAsString(entry) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        if (file == null) {
            log.info("WeChat answer for the digest: {}", line.strip());
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.error("could not record the WeChat answer to {} in {}: {}", inReplyTo, file, line.strip(), e);
        }
    }
}
