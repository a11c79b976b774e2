package io.qabot.connectors.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bodies that are not UTF-8 yet were read by Jackson's byte parser as if they named a field it
 * had seen before: it looks a name up by its bytes in groups of four, padding a name's last,
 * short group with {@code 0xFF} bytes in front, so {@code "\xFF\xFFid"} is {@code "id"} and
 * {@code "encr\xFFypt"} is {@code "encrypt"} once the mapper has parsed that name. A test sends the
 * genuine body first, then this one: before every entry point decoded strictly, the second was
 * taken as the first.
 */
public final class PaddedNames {
    private PaddedNames() {
    }

    /** {@code json} with its first field {@code name} spelt as Jackson's symbol table pads it. */
    public static byte[] withPaddedName(String json, String name) {
        if (name.length() % 4 == 0 || !name.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("only an ASCII name whose length is not a multiple of 4 has padding: " + name);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] key = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, key);
        int whole = name.length() / 4 * 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at + 1 + whole);
        for (int i = name.length() % 4; i < 4; i++) {
            out.write(0xFF);
        }
        out.write(bytes, at + 1 + whole, bytes.length - at - 1 - whole);
        return out.toByteArray();
    }

    private static int indexOf(byte[] in, byte[] part) {
        for (int i = 0; i + part.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + new String(part, StandardCharsets.UTF_8));
    }
}
