package io.qabot.core.reply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.knowledge.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The probe's links: a knowledge file's {@code javascript:} link and a maintainer's link that
 * tries to close an autolink and open HTML. Every dialect writes only http(s) and mailto as
 * link targets, with {@code < > "} percent-encoded.
 */
class LinkSchemeTest {
    private static final Answer HOSTILE = new Answer(
            "See [the docs](javascript:alert(1)) or [this](JaVaScRiPt:alert(1)) or [data](data:text/html,x)"
                    + " or [mail](mailto:dev@sofastack.tech).",
            List.of("https://a.example/\"><img/src=x/onerror=alert(1)>", "javascript:alert(2)"),
            new Source("evil.md", "evil", LocalDate.of(2026, 1, 1), "javascript:alert(3)"));

    @Test
    void noDialectWritesAScriptOrDataLinkOrAnUnencodedQuoteOrAngleBracketInATarget() {
        for (Dialect dialect : Dialect.values()) {
            String reply = ReplyRenderer.of(dialect, 4_000).render(HOSTILE, null);
            String lower = reply.toLowerCase(Locale.ROOT);

            assertFalse(lower.contains("javascript:") || lower.contains("data:text"), dialect + ": " + reply);
            assertFalse(reply.contains("<img") || reply.contains("\"><"), dialect + ": " + reply);
            assertTrue(reply.contains("https://a.example/%22%3E%3Cimg/src=x/onerror=alert(1)%3E"), dialect + ": " + reply);
            assertTrue(reply.contains("mailto:dev@sofastack.tech"), dialect + ": " + reply);
            assertTrue(reply.contains("the docs"), "the text of a refused link stays: " + dialect + ": " + reply);
        }
    }

    @Test
    void telegramGetsNoHrefButHttpAndMailto() {
        String reply = ReplyRenderer.of(Dialect.TELEGRAM_HTML, 4_000).render(HOSTILE, null);

        String[] afterHref = reply.split("<a href=\"");
        assertTrue(afterHref.length > 2, reply);
        for (int i = 1; i < afterHref.length; i++) {
            assertTrue(afterHref[i].startsWith("https://") || afterHref[i].startsWith("mailto:"), reply);
        }
    }
}
