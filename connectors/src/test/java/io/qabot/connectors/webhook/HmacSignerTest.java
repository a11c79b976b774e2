package io.qabot.connectors.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignerTest {
    // computed independently: python3 hmac.new(secret_utf8, b"1763719200." + body_utf8, sha256).hexdigest()
    private static final String VECTOR = "sha256=b6cf6c41802ebf211eaed61dce596350af2c7cd0a36bb5ff42ab82e0429f995b";
    private static final byte[] BODY = "{\"text\":\"请问 jraft 支持跨机房吗\"}".getBytes(StandardCharsets.UTF_8);

    private final HmacSigner signer = new HmacSigner("sekrit-密钥");

    @Test
    void signsTimestampDotRawBodyWithAUtf8KeyAsLowercaseHex() {
        assertEquals(VECTOR, signer.sign("1763719200", BODY));
    }

    @Test
    void acceptsOnlyTheExactSignature() {
        assertTrue(signer.verify(VECTOR, "1763719200", BODY));
        assertFalse(signer.verify(VECTOR.toUpperCase().replace("SHA256=", "sha256="), "1763719200", BODY), "hex is lowercase");
        assertFalse(signer.verify(VECTOR.substring(7), "1763719200", BODY), "the sha256= prefix is part of it");
        assertFalse(signer.verify(VECTOR, "1763719201", BODY), "the timestamp is signed");
        assertFalse(signer.verify(null, "1763719200", BODY));
    }
}
