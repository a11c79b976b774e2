package io.qabot.knowledge.snapshot;

import io.qabot.knowledge.KnowledgeItem;
import io.qabot.knowledge.Turn;
import java.util.List;
import java.util.Objects;

/**
 * Whether two items agree in everything that can reach a reply or the matcher: their turns'
 * questions and answers, links, project and source. Two reads of an unchanged file agree; any edit
 * that matters makes them differ. A line number alone (text inserted above a thread) does not.
 *
 * <p>Compared field by field rather than through a hash of each item: hashing every item's text
 * was a sixth of a restart with 100,000 items, and an unchanged item is usually the very same
 * strings, which {@link String#equals} settles at once.
 */
final class SameContent {
    private SameContent() {
    }

    static boolean of(KnowledgeItem a, KnowledgeItem b) {
        if (a == b) {
            return true;
        }
        return sameTurns(a.turns(), b.turns())
                && a.links().equals(b.links())
                && a.project().equals(b.project())
                && a.origin() == b.origin()
                && a.source().file().equals(b.source().file())
                && a.source().title().equals(b.source().title())
                && Objects.equals(a.source().date(), b.source().date())
                && Objects.equals(a.source().url(), b.source().url());
    }

    private static boolean sameTurns(List<Turn> a, List<Turn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).question().equals(b.get(i).question()) || !a.get(i).answer().equals(b.get(i).answer())) {
                return false;
            }
        }
        return true;
    }
}
