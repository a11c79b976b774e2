package io.qabot.connectors.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpochTimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsPlatformsTimestampsAsTheyWriteThem() throws Exception {
        assertEquals(Optional.of(Instant.ofEpochSecond(1_355_517_523, 5_000)), EpochTime.seconds("1355517523.000005"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1_348_831_860)), EpochTime.seconds(" 1348831860 "));
        assertEquals(Optional.of(Instant.ofEpochMilli(1_717_000_000_123L)), EpochTime.millis("1717000000123"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1_779_357_600)), EpochTime.seconds(JSON.readTree("1779357600")));
        assertEquals(Optional.of(Instant.ofEpochMilli(1_717_000_000_123L)), EpochTime.millis(JSON.readTree("\"1717000000123\"")));
        assertEquals(Optional.of(Duration.ofMillis(1_250)), EpochTime.duration("1.25"));
    }

    @Timeout(HostileNumbers.HANG_SECONDS)
    @ParameterizedTest
    @MethodSource("io.qabot.connectors.time.HostileNumbers#texts")
    void anExponentASignOrTenThousandDigitsIsNoTimeAtAll(String hostile) throws Exception {
        assertEquals(Optional.empty(), EpochTime.seconds(hostile));
        assertEquals(Optional.empty(), EpochTime.millis(hostile));
        assertEquals(Optional.empty(), EpochTime.duration(hostile));
        assertEquals(Optional.empty(), EpochTime.seconds(TextNode.valueOf(hostile)));
        assertEquals(Optional.empty(), EpochTime.millis(TextNode.valueOf(hostile)));
        if (hostile.length() < 1000) { // Jackson itself refuses a longer number literal
            assertEquals(Optional.empty(), EpochTime.seconds(JSON.readTree(hostile)));
            assertEquals(Optional.empty(), EpochTime.millis(JSON.readTree(hostile)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.", ".5", "+1", "0x10", "1_000", "1.0000000001", "9223372036854775807",
            "-9223372036854775808", "NaN", "Infinity", "1e3"})
    void anythingButAPlainShortDecimalIsNoTimeAtAll(String text) {
        assertEquals(Optional.empty(), EpochTime.seconds(text));
        assertEquals(Optional.empty(), EpochTime.millis(text));
    }
}
