package io.qabot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qabot.core.Asker;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.feedback.AgedItem;
import io.qabot.knowledge.Source;
import io.qabot.core.desk.AuditRecord;
import io.qabot.core.desk.Delivery;
import io.qabot.core.desk.Explanation;
import io.qabot.core.desk.LearnedAnswer;
import io.qabot.core.desk.ListedEscalation;
import io.qabot.knowledge.Candidate;
import java.util.List;

/** The admin API's JSON shapes; escalations as contracts.md gives them, with additions. */
final class EscalationJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private EscalationJson() {
    }

    /** One escalation with every asker; {@code asker_count} is how many that is. */
    static ObjectNode escalation(Escalation e) {
        return escalation(ListedEscalation.of(e));
    }

    /**
     * An escalation as a list carries it: {@code askers} holds its first askers only, and
     * {@code asker_count} says how many asked in all (more than listed: {@code GET
     * /api/v1/escalations/{id}} has every one).
     */
    static ObjectNode escalation(ListedEscalation listed) {
        Escalation e = listed.escalation();
        ObjectNode json = JSON.createObjectNode();
        json.put("id", e.id());
        json.put("status", e.status().wireName());
        json.put("question", e.question());
        ArrayNode askers = json.putArray("askers");
        e.askers().forEach(a -> askers.add(asker(a)));
        json.put("asker_count", listed.askers());
        json.put("created", e.created().toString());
        json.put("claimed_by", e.claimedBy().orElse(null));
        json.put("closed", e.closed().map(Object::toString).orElse(null));
        e.answer().ifPresent(answer -> json.set("answer", answer(answer)));
        e.flagged().ifPresent(flagged -> json.set("flagged_answer", flagged(flagged)));
        return json;
    }

    /** The bot's answer a member flagged: what it said, from where, how sure, and the verdict so far. */
    static ObjectNode flagged(FlaggedAnswer f) {
        ObjectNode json = JSON.createObjectNode();
        json.put("reply_id", f.replyId());
        json.put("question", f.question());
        json.put("answer", f.answer());
        json.put("item", f.itemId());
        json.set("source", source(f.source()));
        json.put("confidence", f.confidence());
        json.put("answered", f.answered().toString());
        json.put("flags", f.flags());
        json.put("verdict", f.verdict().wireName());
        return json;
    }

    private static ObjectNode source(Source s) {
        ObjectNode json = JSON.createObjectNode();
        json.put("file", s.file());
        json.put("title", s.title());
        json.put("date", s.date() == null ? null : s.date().toString());
        json.put("url", s.url());
        return json;
    }

    static ObjectNode aged(AgedItem a) {
        ObjectNode json = JSON.createObjectNode();
        json.put("item", a.itemId());
        json.put("file", a.source().file());
        json.put("title", a.source().title());
        json.put("date", a.source().date().toString());
        json.put("url", a.source().url());
        json.put("answers", a.answers());
        json.put("last_answered", a.lastAnswered().toString());
        return json;
    }

    static ObjectNode asker(Asker a) {
        ObjectNode json = JSON.createObjectNode();
        json.put("platform", a.platform().wireName());
        json.put("chat", a.chat());
        json.put("thread", a.thread());
        json.putObject("user").put("id", a.user().id()).put("name", a.user().name());
        json.put("message", a.messageId());
        json.put("asked", a.asked().toString());
        return json;
    }

    static ObjectNode answer(MaintainerAnswer answer) {
        ObjectNode json = JSON.createObjectNode();
        json.put("answer", answer.answer());
        ArrayNode links = json.putArray("links");
        answer.links().forEach(links::add);
        json.put("maintainer", answer.maintainer());
        return json;
    }

    static ObjectNode delivery(Delivery d) {
        ObjectNode json = JSON.createObjectNode();
        json.put("user", d.asker().user().id());
        json.put("platform", d.asker().platform().wireName());
        json.put("chat", d.asker().chat());
        json.put("state", d.state().wireName());
        json.put("attempts", d.attempts());
        json.put("next_attempt", d.nextAttempt().toString());
        json.put("last_error", d.lastError().orElse(null));
        json.put("delivered", d.delivered().map(Object::toString).orElse(null));
        json.put("idempotency_key", d.idempotencyKey());
        return json;
    }

    static ObjectNode learned(LearnedAnswer l) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", l.id());
        json.put("escalation", l.escalationId());
        json.put("question", l.question());
        json.put("answer", l.answer());
        ArrayNode links = json.putArray("links");
        l.links().forEach(links::add);
        json.put("maintainer", l.maintainer());
        json.put("answered", l.answered().toString());
        json.put("updated", l.updated().toString());
        json.put("retracted", l.retracted());
        return json;
    }

    static ObjectNode audit(AuditRecord r) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", r.id());
        json.put("at", r.at().toString());
        json.put("actor", r.actor());
        json.put("action", r.action());
        json.put("subject", r.subject());
        json.put("detail", r.detail());
        return json;
    }

    static ObjectNode explanation(Explanation x) {
        ObjectNode json = JSON.createObjectNode();
        json.put("question", x.match().question());
        json.put("decision", x.match().decision().wireName());
        json.put("score", x.match().confidence());
        x.best().ifPresent(c -> json.set("best", candidate(c)));
        x.runnerUp().ifPresent(c -> json.set("runner_up", candidate(c)));
        // the matcher's reasons, as qabot ask --explain --json prints them; what decided is the
        // maintainers' verdicts when they changed the decision
        json.set("explain", ExplanationJson.of(x.why()).put("decidedBy", x.decidedBy()));
        return json;
    }

    private static ObjectNode candidate(Candidate c) {
        ObjectNode json = JSON.createObjectNode();
        json.put("rank_score", c.score());
        json.put("item", c.item().id());
        json.put("question", c.turn().question());
        json.put("answer", c.turn().answer());
        json.put("origin", c.item().origin().name().toLowerCase(java.util.Locale.ROOT));
        json.put("file", c.item().source().file());
        json.put("title", c.item().source().title());
        json.put("date", c.item().source().date() == null ? null : c.item().source().date().toString());
        ArrayNode links = json.putArray("links");
        c.item().links().forEach(links::add);
        return json;
    }

    static ObjectNode items(List<ObjectNode> items) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("items").addAll(items);
        return json;
    }
}
