package io.qabot.knowledge.snapshot;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of everything about an item that can reach a reply or the matcher: its turns, links,
 * project and source. Two reads of an unchanged file give equal fingerprints; any edit that
 * matters gives another one.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(KnowledgeItem item) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (Turn turn : item.turns()) {
            field(sha, turn.question());
            field(sha, turn.answer());
        }
        item.links().forEach(link -> field(sha, link));
        field(sha, item.project());
        field(sha, item.origin().name());
        field(sha, item.source().file());
        field(sha, item.source().title());
        field(sha, String.valueOf(item.source().date()));
        field(sha, String.valueOf(item.source().url()));
        return HexFormat.of().formatHex(sha.digest());
    }

    // length-prefixed, so ("ab", "c") and ("a", "bc") hash differently
    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
