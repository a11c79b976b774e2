package io.qabot.connectors.dingtalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.payload.WrongField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as a Stream-mode frame, decoded the way {@code DingTalkStream} does it: a frame or
 * nothing; every frame's ACK is JSON carrying the frame's {@code messageId} (a ping echoes
 * its data, so the ACK must stay JSON whatever the data is); a frame's data is an object or
 * nothing, and a robot message read from it makes a chat message. Never an exception. Seeds:
 * the golden Stream frames in {@code src/test/resources/dingtalk/}.
 */
class StreamFrameFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyFrameIsDecodedOrDropped(byte[] input) throws IOException {
        // bytes, not a String parameter: Jazzer reads a String seed in its own encoding (a length, a
        // null marker), so the text files of this corpus were replayed cut and padded, not as written
        String text = new String(input, StandardCharsets.UTF_8);
        var parsed = StreamFrame.parse(text);
        if (parsed.isEmpty()) {
            return;
        }
        StreamFrame frame = parsed.get();
        assertNotNull(frame.type());
        JsonNode ack = JSON.readTree(frame.ack(200, "OK", frame.data().isBlank() ? "{}" : frame.data()));
        assertEquals(frame.messageId(), ack.path("headers").path("messageId").asText());
        assertTrue(ack.path("data").isTextual(), "the ACK's data is a string");
        var data = frame.dataJson();
        if (data.isPresent()) {
            try {
                DingTalkRobotMessage.read(data.get()).ifPresent(message -> assertNotNull(message.toChatMessage(Instant.EPOCH)));
            } catch (WrongField wrong) {
                assertFalse(wrong.getMessage().isBlank(), "a field refused without a reason");
            }
        }
    }
}
