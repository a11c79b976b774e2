package io.qabot.core;

import java.util.Objects;

/**
 * Who sent a chat message, as the platform names them. {@code id} is what a mention needs
 * (a Slack user id, a DingTalk staff id); {@code name} is for people to read.
 */
public record Sender(String id, String name) {
    public Sender {
        Objects.requireNonNull(id, "sender id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("sender id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
    }
}
