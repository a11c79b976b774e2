package io.qabot.connectors.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request body read as one JSON object: decoded strictly as UTF-8, then parsed by Jackson from
 * that text, so the body is decoded once and checked everywhere.
 *
 * <p>Why not Jackson on the bytes: its byte parser does not check UTF-8 everywhere. A field name
 * is looked up in its symbol table before it is decoded, and a short name's last four bytes are
 * padded there with {@code 0xFF}, so the bytes {@code FF FF 69 64} are read as {@code "id"}
 * once the mapper has seen that name: the same bytes were refused or taken depending on what
 * earlier requests had named (found by WebhookPayloadFuzzTest). It also takes UTF-16 and UTF-32
 * bodies, which JSON exchanged between systems must not be (RFC 8259, section 8.1).
 */
public final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /** The request body as a JSON object; refusals say "body …". */
    public static ObjectNode object(byte[] body) throws MalformedJsonException {
        return object(body, "body");
    }

    /** {@code bytes} as a JSON object; {@code what} names them in the refusal ("decrypted event"). */
    public static ObjectNode object(byte[] bytes, String what) throws MalformedJsonException {
        return object(utf8(bytes, what), what);
    }

    /** Text already decoded (a decrypted event) as a JSON object. */
    public static ObjectNode object(String text, String what) throws MalformedJsonException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(what + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedJsonException(what + " is empty, not a JSON object");
        }
        if (!node.isObject()) {
            throw new MalformedJsonException(what + " must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    private static String utf8(byte[] bytes, String what) throws MalformedJsonException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never makes more chars than bytes (a 4-byte character is 2 chars)
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedJsonException(String.format(Locale.ROOT, "%s is not UTF-8 (byte 0x%02X at offset %d)",
                    what, bytes[in.position()] & 0xFF, in.position()));
        }
        out.flip();
        // a byte order mark is not JSON, but RFC 8259 lets a parser ignore one, and Jackson's byte
        // parser did: a body an editor saved with one keeps working
        if (out.hasRemaining() && out.get(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }
}
