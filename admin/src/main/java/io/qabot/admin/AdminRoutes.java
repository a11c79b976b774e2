package io.qabot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import io.qabot.connectors.json.JsonBody;
import io.qabot.connectors.json.MalformedJsonException;
import io.qabot.core.Escalation;
import io.qabot.core.FlaggedAnswer;
import io.qabot.core.MaintainerAnswer;
import io.qabot.core.feedback.Verdicts;
import io.qabot.core.desk.DeskResult;
import io.qabot.core.desk.ListedEscalation;
import io.qabot.core.desk.MaintainerDesk;
import io.qabot.core.desk.QuestionLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin API. Every route checks the bearer token first (see {@link AdminGuard}) and then
 * runs on the bot's executor, because the desk blocks on storage.
 *
 * <table>
 * <caption>routes</caption>
 * <tr><td>GET /api/v1/escalations?status=open|claimed|answered|dismissed|all</td><td>the queue, newest first; {@code open} (the default) includes claimed ones;
 * each item's {@code askers} are its first ones, {@code asker_count} how many asked</td></tr>
 * <tr><td>GET /api/v1/escalations/{id}</td><td>one escalation with every asker and their delivery state</td></tr>
 * <tr><td>POST /api/v1/escalations/{id}/answer</td><td>{@code {"answer", "links", "maintainer"}}</td></tr>
 * <tr><td>POST /api/v1/escalations/{id}/claim, /dismiss</td><td>{@code {"maintainer"}}, optional</td></tr>
 * <tr><td>GET /api/v1/learned</td><td>learned answers, {@code ?retracted=true} for all</td></tr>
 * <tr><td>POST /api/v1/learned/{id}/edit, /retract</td><td>{@code {"question", "answer", "links", "maintainer"}}</td></tr>
 * <tr><td>GET /api/v1/topics</td><td>the most-asked open questions</td></tr>
 * <tr><td>POST /api/v1/explain</td><td>{@code {"text"}}: what the bot would answer and why</td></tr>
 * <tr><td>GET /api/v1/stats?since=YYYY-MM-DD&amp;top=N</td><td>what {@code qabot stats} prints (see {@link StatsJson})</td></tr>
 * <tr><td>GET /api/v1/audit</td><td>the latest changes, newest first</td></tr>
 * <tr><td>POST /api/v1/knowledge/reload</td><td>re-reads the knowledge and swaps the index if anything changed</td></tr>
 * </table>
 */
public final class AdminRoutes {
    private final MaintainerDesk desk;
    private final AdminGuard guard;
    private final Executor executor;
    private final Supplier<ReloadResult> reload;
    private final QuestionLog questions;
    private final ZoneId zone;
    private final Clock clock;

    public AdminRoutes(MaintainerDesk desk, Optional<Secret> token, Executor executor, Clock clock) {
        this(desk, token, executor, clock, null);
    }

    /** @param reload reloads the knowledge for {@code POST /api/v1/knowledge/reload}; null: no such route */
    public AdminRoutes(MaintainerDesk desk, Optional<Secret> token, Executor executor, Clock clock,
                       Supplier<ReloadResult> reload) {
        this(desk, token, executor, clock, reload, null, clock.getZone());
    }

    /**
     * @param reload    reloads the knowledge for {@code POST /api/v1/knowledge/reload}; null: no such route
     * @param questions the record {@code GET /api/v1/stats} reads; null: no such route
     * @param zone      where the day of {@code ?since=} starts, as for {@code qabot stats}
     */
    public AdminRoutes(MaintainerDesk desk, Optional<Secret> token, Executor executor, Clock clock,
                       Supplier<ReloadResult> reload, QuestionLog questions, ZoneId zone) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.guard = new AdminGuard(Objects.requireNonNull(token, "token"), Objects.requireNonNull(clock, "clock"));
        this.executor = Objects.requireNonNull(executor, "executor");
        this.reload = reload;
        this.questions = questions;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = clock;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(route(HttpMethod.GET, "/api/v1/escalations", this::queue));
        routes.add(route(HttpMethod.GET, "/api/v1/escalations/{id}", this::escalation));
        routes.add(route(HttpMethod.POST, "/api/v1/escalations/{id}/answer", this::answer));
        routes.add(route(HttpMethod.POST, "/api/v1/escalations/{id}/claim",
                r -> escalationResult(desk.claim(id(r), maintainer(body(r, true))))));
        routes.add(route(HttpMethod.POST, "/api/v1/escalations/{id}/dismiss",
                r -> escalationResult(desk.dismiss(id(r), maintainer(body(r, true))))));
        routes.add(route(HttpMethod.GET, "/api/v1/learned", r -> RouteResponse.json(200, EscalationJson.items(
                desk.learned("true".equals(query(r, "retracted"))).stream().map(EscalationJson::learned).toList()))));
        routes.add(route(HttpMethod.POST, "/api/v1/learned/{id}/edit", this::edit));
        routes.add(route(HttpMethod.POST, "/api/v1/learned/{id}/retract",
                r -> learnedResult(desk.retract(id(r), maintainer(body(r, true))))));
        routes.add(route(HttpMethod.GET, "/api/v1/topics", r -> RouteResponse.json(200, EscalationJson.items(
                desk.unansweredTopics(20).stream().map(e -> EscalationJson.escalation(e)).toList()))));
        routes.add(route(HttpMethod.POST, "/api/v1/explain", r -> RouteResponse.json(200,
                EscalationJson.explanation(desk.explain(text(body(r, false), "text"))))));
        routes.add(route(HttpMethod.GET, "/api/v1/audit", r -> RouteResponse.json(200, EscalationJson.items(
                desk.audit(100).stream().map(EscalationJson::audit).toList()))));
        if (questions != null) {
            routes.add(route(HttpMethod.GET, "/api/v1/stats", this::stats));
        }
        if (reload != null) {
            routes.add(route(HttpMethod.POST, "/api/v1/knowledge/reload", r -> reloaded()));
        }
        return List.copyOf(routes);
    }

    /**
     * The maintainers' verdicts on the bot's answers (see {@link Verdicts}), all admin routes:
     *
     * <table>
     * <caption>routes</caption>
     * <tr><td>POST /api/v1/escalations/{id}/verdict</td><td>{@code {"verdict": "right"|"wrong"|"retire", "maintainer"}}
     * on the escalation's flagged answer</td></tr>
     * <tr><td>POST /api/v1/knowledge/avoid</td><td>{@code {"item", "question", "maintainer"}}: wrong for this question</td></tr>
     * <tr><td>POST /api/v1/knowledge/retire, /unretire</td><td>{@code {"item", "maintainer", "reason"}}</td></tr>
     * <tr><td>GET /api/v1/knowledge/retired</td><td>the retired items, latest first</td></tr>
     * <tr><td>GET /api/v1/knowledge/aged?before=YYYY-MM-DD&amp;top=N</td><td>for review: the items answered from
     * most often whose post is older than {@code before} (default: {@code oldAfter} ago, the age at which
     * answers say when they were given), most answered first, then oldest</td></tr>
     * <tr><td>GET /api/v1/feedback?since=YYYY-MM-DD</td><td>answers given, flagged and helpful per week
     * (the {@code feedback} of {@code qabot stats})</td></tr>
     * </table>
     *
     * @param oldAfter {@code policy.answerAgeNotice}: a post older than this is old; empty (the notice
     *                 is off): every dated post is listed for review
     */
    public List<Route> verdictRoutes(Verdicts verdicts, Optional<Period> oldAfter) {
        Objects.requireNonNull(verdicts, "verdicts");
        Objects.requireNonNull(oldAfter, "oldAfter");
        return List.of(
                route(HttpMethod.POST, "/api/v1/escalations/{id}/verdict", r -> {
                    JsonNode body = body(r, false);
                    FlaggedAnswer.Verdict verdict = switch (text(body, "verdict")) {
                        case "right" -> FlaggedAnswer.Verdict.RIGHT;
                        case "wrong" -> FlaggedAnswer.Verdict.WRONG;
                        case "retire" -> FlaggedAnswer.Verdict.RETIRED;
                        default -> throw new BadRequest("verdict must be right, wrong or retire");
                    };
                    return escalationResult(verdicts.decide(id(r), verdict, maintainer(body)));
                }),
                route(HttpMethod.POST, "/api/v1/knowledge/avoid", r -> {
                    JsonNode body = body(r, false);
                    return result(verdicts.avoid(text(body, "item"), text(body, "question"), maintainer(body)),
                            id -> EscalationJson.JSON.createObjectNode().put("id", id).put("item", text(body, "item").strip()));
                }),
                route(HttpMethod.POST, "/api/v1/knowledge/retire", r -> {
                    JsonNode body = body(r, false);
                    JsonNode reason = body.get("reason");
                    return result(verdicts.retire(text(body, "item"), maintainer(body),
                                    reason != null && reason.isTextual() ? reason.asText().strip() : null),
                            item -> EscalationJson.JSON.createObjectNode().put("item", item).put("retired", true));
                }),
                route(HttpMethod.POST, "/api/v1/knowledge/unretire", r -> {
                    JsonNode body = body(r, false);
                    return result(verdicts.unretire(text(body, "item"), maintainer(body)),
                            item -> EscalationJson.JSON.createObjectNode().put("item", item).put("retired", false));
                }),
                route(HttpMethod.GET, "/api/v1/knowledge/retired", r -> RouteResponse.json(200, EscalationJson.items(
                        verdicts.retired().stream().map(RetiredItemJson::write).toList()))),
                route(HttpMethod.GET, "/api/v1/knowledge/aged", r -> {
                    String given = query(r, "before");
                    LocalDate before;
                    int top;
                    try {
                        before = given == null ? LocalDate.now(clock.withZone(zone)).minus(oldAfter.orElse(Period.ZERO))
                                : LocalDate.parse(given);
                    } catch (DateTimeParseException e) {
                        throw new BadRequest("before " + given + " is not a date like 2026-11-01");
                    }
                    try {
                        top = StatsJson.top(query(r, "top"));
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest("top " + e.getMessage());
                    }
                    ObjectNode json = EscalationJson.items(verdicts.aged(before, top).stream().map(EscalationJson::aged).toList());
                    return RouteResponse.json(200, json.put("before", before.toString()));
                }),
                route(HttpMethod.GET, "/api/v1/feedback", r -> {
                    Instant since;
                    try {
                        since = StatsJson.since(query(r, "since"), zone);
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest("since " + e.getMessage());
                    }
                    return RouteResponse.json(200, StatsJson.feedback(verdicts.weekly(since)));
                }));
    }

    private RouteResponse queue(RouteRequest request) {
        String status = Optional.ofNullable(query(request, "status")).orElse("open");
        int askers = askersEach(query(request, "askers"));
        List<ListedEscalation> queue;
        switch (status) {
            case "all" -> queue = desk.queue(Optional.empty(), askers);
            case "open" -> queue = desk.openQueue(askers);
            default -> {
                try {
                    queue = desk.queue(Optional.of(Escalation.Status.fromWireName(status)), askers);
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("status must be open, claimed, answered, dismissed or all, not " + status);
                }
            }
        }
        return RouteResponse.json(200, EscalationJson.items(queue.stream().map(e -> EscalationJson.escalation(e)).toList()));
    }

    /**
     * {@code askers=N}: each item lists its first N askers (its {@code asker_count} says how many
     * there are), so a page of busy escalations stays small; without it every asker is listed, as
     * the contract has it.
     */
    private static int askersEach(String askers) {
        if (askers == null) {
            return MaintainerDesk.ALL_ASKERS;
        }
        try {
            int n = Integer.parseInt(askers);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the reason below
        }
        throw new BadRequest("askers must be a whole number of askers to list per escalation, not " + askers);
    }

    private RouteResponse stats(RouteRequest request) {
        Instant since;
        int top;
        try {
            since = StatsJson.since(query(request, "since"), zone);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("since " + e.getMessage());
        }
        try {
            top = StatsJson.top(query(request, "top"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("top " + e.getMessage());
        }
        return RouteResponse.json(200, StatsJson.of(questions.stats(since, top),
                questions.daily(StatsJson.chartFrom(since, clock, zone), zone)));
    }

    private RouteResponse reloaded() {
        ReloadResult result;
        try {
            result = reload.get();
        } catch (RuntimeException e) {
            // the old index keeps answering; the maintainer learns why the new one is not there
            return RouteResponse.error(500, "reload failed, still answering from the previous knowledge: "
                    + e.getMessage());
        }
        ObjectNode json = EscalationJson.JSON.createObjectNode()
                .put("documents", result.documents())
                .put("items", result.items())
                .put("turns", result.turns())
                .put("problems", result.problems())
                .put("added", result.changes().added())
                .put("changed", result.changes().changed())
                .put("removed", result.changes().removed())
                .put("unchanged", result.changes().unchanged())
                .put("superseded", result.changes().superseded())
                .put("swapped", result.changes().any())
                .put("millis", result.took().toMillis());
        return RouteResponse.json(200, json);
    }

    private RouteResponse escalation(RouteRequest request) {
        long id = id(request);
        return desk.find(id).map(e -> {
            ObjectNode json = EscalationJson.escalation(e);
            json.putArray("deliveries").addAll(desk.deliveries(id).stream().map(EscalationJson::delivery).toList());
            return RouteResponse.json(200, json);
        }).orElseGet(() -> RouteResponse.error(404, "no escalation " + id));
    }

    private RouteResponse answer(RouteRequest request) {
        long id = id(request);
        return escalationResult(desk.answer(id, maintainerAnswer(body(request, false))));
    }

    private RouteResponse edit(RouteRequest request) {
        JsonNode body = body(request, false);
        JsonNode question = body.get("question");
        if (question != null && !question.isNull() && !question.isTextual()) {
            throw new BadRequest("question must be a string");
        }
        return learnedResult(desk.edit(id(request), question == null || question.isNull() ? null : question.asText(),
                maintainerAnswer(body)));
    }

    private static MaintainerAnswer maintainerAnswer(JsonNode body) {
        String answer = text(body, "answer");
        if (answer.isBlank()) {
            throw new BadRequest("answer must not be blank");
        }
        List<String> links = new ArrayList<>();
        JsonNode given = body.get("links");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw new BadRequest("links must be an array of strings");
            }
            for (JsonNode link : given) {
                if (!link.isTextual() || !link.asText().matches("https?://\\S+")) {
                    throw new BadRequest("links must be http(s) URLs, not " + link);
                }
                links.add(link.asText());
            }
        }
        return new MaintainerAnswer(answer.strip(), links, maintainer(body));
    }

    private static RouteResponse escalationResult(DeskResult<Escalation> result) {
        return result(result, EscalationJson::escalation);
    }

    private static RouteResponse learnedResult(DeskResult<io.qabot.core.desk.LearnedAnswer> result) {
        return result(result, EscalationJson::learned);
    }

    private static <T> RouteResponse result(DeskResult<T> result, Function<T, ObjectNode> json) {
        return switch (result.kind()) {
            case DONE -> RouteResponse.json(200, json.apply(result.value()));
            case NOT_FOUND -> RouteResponse.error(404, result.reason());
            case CONFLICT -> RouteResponse.error(409, result.reason());
        };
    }

    private static long id(RouteRequest request) {
        String[] segments = request.path().split("/");
        try {
            return Long.parseLong(segments[4]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BadRequest("the id in " + request.path() + " must be a number");
        }
    }

    private static String query(RouteRequest request, String name) {
        List<String> values = request.query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static JsonNode body(RouteRequest request, boolean optional) {
        if (request.body().length == 0 && optional) {
            return EscalationJson.JSON.createObjectNode();
        }
        try {
            return JsonBody.object(request.body());
        } catch (MalformedJsonException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRequest("missing field: " + field + " (a string)");
        }
        return value.asText();
    }

    private static String maintainer(JsonNode body) {
        JsonNode value = body.get("maintainer");
        return value != null && value.isTextual() ? value.asText().strip() : "";
    }

    /**
     * A route behind the same token check and executor as the admin API's own: for admin routes
     * whose work lives in the app (the weekly digest).
     */
    public Route route(HttpMethod method, String path, Function<RouteRequest, RouteResponse> work) {
        return Route.of(method, path, "admin " + method + " " + path, request -> {
            CompletableFuture<RouteResponse> refusal = guard.refusal(request);
            if (refusal != null) {
                return refusal;
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.apply(request).withHeader("Cache-Control", "no-store");
                } catch (BadRequest e) {
                    return RouteResponse.error(400, e.getMessage());
                }
            }, executor);
        });
    }

    /** A request the route cannot read; becomes a 400 naming the problem. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
