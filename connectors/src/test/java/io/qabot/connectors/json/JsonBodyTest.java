package io.qabot.connectors.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static String refusal(byte[] body) {
        return assertThrows(MalformedJsonException.class, () -> JsonBody.object(body)).getMessage();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAUtf8ObjectWithCharactersOfEveryLength() throws Exception {
        assertEquals("aé中😀", JsonBody.object(utf8("{\"text\": \"aé中😀\"}")).get("text").asText());
    }

    @Test
    void refusesANameOfPaddingBytesThatJacksonsByteParserTakesForOneItHasSeen() throws Exception {
        String json = "{\"id\": \"m-1\"}";
        byte[] padded = PaddedNames.withPaddedName(json, "id");
        ObjectMapper jackson = new ObjectMapper();
        jackson.readTree(utf8(json));
        // the quirk itself: the bytes parser names a field "id" that is 0xFF 0xFF 'i' 'd'
        assertEquals("m-1", jackson.readTree(padded).get("id").asText());
        JsonBody.object(utf8(json));

        assertEquals("body is not UTF-8 (byte 0xFF at offset 2)", refusal(padded));
    }

    @Test
    void refusesUtf16WhichJacksonsByteParserDetectsAndTakes() throws Exception {
        byte[] utf16 = "{\"text\": \"hi\"}".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("hi", new ObjectMapper().readTree(utf16).get("text").asText());

        assertEquals("body is not JSON", refusal(utf16).substring(0, "body is not JSON".length()));
    }

    @Test
    void refusesACharacterCutAtTheEndAndNamesWhereItStarts() {
        byte[] cut = java.util.Arrays.copyOf(utf8("{\"text\": \"中"), 11);

        assertEquals("body is not UTF-8 (byte 0xE4 at offset 10)", refusal(cut));
    }

    @Test
    void namesWhatItReadsAndWhyItIsNotAnObject() {
        assertEquals("body is empty, not a JSON object", refusal(new byte[0]));
        assertEquals("body must be a JSON object, not array", refusal(utf8("[1]")));
        assertEquals("body must be a JSON object, not null", refusal(utf8("null")));
        assertEquals("decrypted event is not UTF-8 (byte 0xC0 at offset 1)",
                assertThrows(MalformedJsonException.class, () -> JsonBody.object(new byte[] {'{', (byte) 0xC0, (byte) 0x80, '}'},
                        "decrypted event")).getMessage());
        String notJson = refusal(utf8("{\"text\": "));
        assertEquals("body is not JSON: ", notJson.substring(0, 18), notJson);
    }

    @Test
    void takesAByteOrderMarkAsJacksonsByteParserDid() throws Exception {
        byte[] bom = utf8("\uFEFF{\"text\": \"hi\"}");
        assertEquals("hi", new ObjectMapper().readTree(bom).get("text").asText());

        assertEquals("hi", JsonBody.object(bom).get("text").asText());
    }
}
