package io.qabot.connectors.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a connector's log says when a platform sends a field it cannot use, and what it takes. */
class FieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                   | message_id is missing",
        "{\"v\":null}         | message_id is missing",
        "{\"v\":{\"id\":1}}   | message_id is an object, not an id",
        "{\"v\":[1]}          | message_id is an array, not an id",
        "{\"v\":true}         | message_id is a boolean, not an id",
        "{\"v\":1.5}          | message_id is a number that is not an integer, not an id",
        "{\"v\":1e400}        | message_id is a number that is not an integer, not an id",
        "{\"v\":\" \\t\"}     | message_id is blank",
    })
    void aRequiredIdOfTheWrongKindIsRefusedNamingTheField(String json, String reason) throws Exception {
        JsonNode v = JSON.readTree(json).get("v");
        WrongField wrong = assertThrows(WrongField.class, () -> Fields.id(v, "message_id"));
        assertEquals(reason, wrong.getMessage());
    }

    @Test
    void idsAreStringsOrIntegersOfBoundedLength() throws Exception {
        assertEquals("-1001234567890", Fields.id(JSON.readTree("-1001234567890"), "chat.id"));
        assertEquals("123456789012345678901234567890", Fields.id(JSON.readTree("123456789012345678901234567890"), "chat.id"));
        assertEquals("C123", Fields.id(JSON.readTree("\"C123\""), "channel"));
        String longest = "7".repeat(Fields.MAX_ID);
        assertEquals(longest, Fields.id(JSON.readTree("\"" + longest + "\""), "id"));
        WrongField tooLong = assertThrows(WrongField.class,
                () -> Fields.id(JSON.readTree("\"" + longest + "7\""), "id"));
        assertEquals("id is longer than 256 characters", tooLong.getMessage());
        // a 300-digit integer is as long as any other 300 characters
        assertThrows(WrongField.class, () -> Fields.id(JSON.readTree("1" + "0".repeat(299)), "id"));
    }

    @Test
    void anOptionalIdMayBeAbsentNullOrBlankButNotOfTheWrongType() throws Exception {
        assertEquals(Optional.empty(), Fields.optionalId(null, "parent_id"));
        assertEquals(Optional.empty(), Fields.optionalId(JSON.readTree("null"), "parent_id"));
        assertEquals(Optional.empty(), Fields.optionalId(JSON.readTree("\"\""), "parent_id"));
        assertEquals(Optional.of("om_1"), Fields.optionalId(JSON.readTree("\"om_1\""), "parent_id"));
        assertThrows(WrongField.class, () -> Fields.optionalId(JSON.readTree("{}"), "parent_id"));
    }

    @Test
    void aTextIsAStringNeverAnObjectReadAsEmpty() throws Exception {
        assertEquals("", Fields.text(JSON.readTree("\"\""), "text"));
        assertEquals("text is an object, not a string",
                assertThrows(WrongField.class, () -> Fields.text(JSON.readTree("{}"), "text")).getMessage());
        assertEquals("text is an integer, not a string",
                assertThrows(WrongField.class, () -> Fields.text(JSON.readTree("12"), "text")).getMessage());
    }

    @Test
    void aNameIsTheFirstStringGivenCutToItsBound() throws Exception {
        assertEquals("Li Lei", Fields.name(JSON.readTree("{}"), JSON.readTree("\"  \""), JSON.readTree("\" Li Lei \"")));
        assertNull(Fields.name(JSON.readTree("true"), null));
        // never between the two halves of a surrogate pair
        String cut = Fields.name(JSON.readTree("\"x" + "😀".repeat(Fields.MAX_NAME) + "\""));
        assertEquals(Fields.MAX_NAME - 1, cut.length());
        assertEquals("x" + "😀".repeat((Fields.MAX_NAME - 2) / 2), cut);
    }
}
