package io.qabot.connectors.xml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a WeCom or WeChat XML body: a {@link FlatXml} or a
 * {@link MalformedXmlException}, never another exception, and never a document that declares
 * a DOCTYPE (no entity expansion, internal or external: no XXE, no billion laughs). Seeds: the
 * golden pushes and callbacks, an envelope, and DOCTYPE/entity attacks.
 */
class FlatXmlFuzzTest {
    /** A DOCTYPE before the root element (after an optional BOM, XML declaration, comments, PIs). */
    private static final Pattern DOCTYPE = Pattern.compile(
            "^\\uFEFF?\\s*(<\\?[^>]*\\?>\\s*|<!--.*?-->\\s*)*<!DOCTYPE", Pattern.DOTALL);

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyXmlIsReadOrRefusedAndNoDoctypeIsAccepted(byte[] body) {
        FlatXml xml;
        try {
            xml = FlatXml.parse(body);
        } catch (MalformedXmlException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal without a reason");
            return;
        }
        assertNotNull(xml.root());
        assertNotNull(xml.text("Encrypt"));
        assertFalse(DOCTYPE.matcher(new String(body, StandardCharsets.UTF_8)).find(),
                "a document with a DOCTYPE was accepted");
    }
}
