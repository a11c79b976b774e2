package io.qabot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds traditional Chinese characters to simplified ones, one character for one, so that
 * "這個配置在哪裡改" meets a digest that says "这个配置在哪里改". The table
 * ({@code traditional-simplified.txt}) comes from ICU's transliterator; a lookup per
 * character keeps it out of the matcher's time.
 */
final class SimplifiedChinese {
    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    private static final char[] SIMPLIFIED = load();

    private SimplifiedChinese() {
    }

    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST && c <= LAST && SIMPLIFIED[c - FIRST] != 0) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = SIMPLIFIED[c - FIRST];
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static char[] load() {
        char[] table = new char[LAST - FIRST + 1];
        try (InputStream in = SimplifiedChinese.class.getResourceAsStream("traditional-simplified.txt")) {
            if (in == null) {
                throw new IllegalStateException("traditional-simplified.txt is missing from the knowledge module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.length() == 2 && !line.startsWith("#")) {
                    table[line.charAt(0) - FIRST] = line.charAt(1);
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("reading traditional-simplified.txt failed", e);
        }
    }
}
