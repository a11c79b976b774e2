package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.app.CallbackReceiver.Callback;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintainers answer sixteen escalations at once and the bot is killed (SIGKILL) while the
 * answers are being recorded, learned and delivered. After a restart over the same store:
 * every answer the API acknowledged is there, learned and delivered; every other one is either
 * wholly there or wholly absent (never an answered escalation without its learned answer or its
 * delivery); posting an unacknowledged answer again is safe; each asker gets one answer (a
 * resend happens only for a delivery that was on the wire at the kill, under the same
 * idempotency key); and the next asker of each question gets the learned answer.
 */
class KillWhileLearningTest {
    private static final List<String> QUESTIONS = List.of(
            "How do I rotate the TLS certificates of the gateway without downtime?",
            "Does the Kafka consumer support exactly-once semantics with transactions?",
            "Why does the Redis cluster failover take thirty seconds?",
            "Which Quartz trigger fires on the last weekday of a month?",
            "What JVM flags reduce GC pauses on ARM servers?",
            "Is there a Helm chart for deploying on Kubernetes?",
            "How large can a single protobuf message be over gRPC?",
            "Why do MySQL binlog replicas lag behind during bulk imports?",
            "Which Elasticsearch analyzer handles mixed Chinese and English text?",
            "Can Nginx terminate HTTP/3 in front of the service?",
            "Is RocketMQ delayed delivery precise to the second?",
            "Can OAuth tokens be refreshed silently in the browser?",
            "Why does Spring Boot startup hang on SecureRandom entropy?",
            "How do we shard the Postgres tables by month?",
            "How can I trace a request across Dubbo and Envoy with OpenTelemetry?",
            "Why does the Terraform plan show drift on unchanged IAM roles?");
    /** Acknowledged answers before the kill: the rest are in flight or not yet sent. */
    private static final int KILL_AFTER = 4;

    @TempDir
    Path dataDir;
    private final BotProcesses bots = new BotProcesses();

    @AfterEach
    void killLeftovers() {
        bots.close();
    }

    @Test
    void everyAcknowledgedAnswerSurvivesAKillAmongManyAndIsLearnedAndDeliveredOnce() throws Exception {
        try (CallbackReceiver chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT)) {
            Map<String, String> env = BotFixture.environment(dataDir, Optional.empty(), chat.url());
            env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_PLATFORM"); // only the askers' deliveries go out
            env.remove("QABOT_ESCALATION_MAINTAINERS_CHAT_CHAT");

            int firstPort = BotProcesses.freePort();
            Process first = bots.serve(env, firstPort, "kill-while-learning-first");
            WebhookClient before = new WebhookClient(firstPort, BotFixture.SECRET, BotFixture.TOKEN);
            BotProcesses.awaitReady(before, first);
            Map<Long, Integer> asked = new HashMap<>(); // escalation id -> question index
            for (int i = 0; i < QUESTIONS.size(); i++) {
                JsonNode result = before.say("group-" + i, null, "u" + i, QUESTIONS.get(i));
                assertEquals("escalate", result.path("decision").asText(), result.toString());
                asked.put(result.path("escalation").asLong(), i);
            }
            assertEquals(QUESTIONS.size(), asked.size(), "each question its own escalation: " + asked);

            // every answer at once, six at a time; SIGKILL once a few are acknowledged
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            CountDownLatch enough = new CountDownLatch(KILL_AFTER);
            ExecutorService maintainers = Executors.newFixedThreadPool(6);
            for (Map.Entry<Long, Integer> escalation : asked.entrySet()) {
                maintainers.execute(() -> {
                    try {
                        if (postAnswer(before, escalation.getKey(), escalation.getValue()).statusCode() == 200) {
                            acknowledged.add(escalation.getKey());
                            enough.countDown();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the bot died before it answered: not acknowledged
                    }
                });
            }
            assertTrue(enough.await(60, TimeUnit.SECONDS), "answers acknowledged: " + acknowledged);
            BotProcesses.kill(first);
            Set<String> onTheWireAtKill = chat.seen().stream().map(Callback::key).collect(Collectors.toSet());
            maintainers.shutdown();
            assertTrue(maintainers.awaitTermination(30, TimeUnit.SECONDS));
            Set<Long> acknowledgedAtKill = Set.copyOf(acknowledged);
            assertTrue(acknowledgedAtKill.size() < QUESTIONS.size(),
                    "the kill came after every answer was acknowledged: it must land among them");

            int secondPort = BotProcesses.freePort();
            Process second = bots.serve(env, secondPort, "kill-while-learning-second");
            WebhookClient after = new WebhookClient(secondPort, BotFixture.SECRET, BotFixture.TOKEN);
            BotProcesses.awaitReady(after, second);

            Map<Long, JsonNode> learned = learnedByEscalation(after);
            Set<Long> committedUnacknowledged = new java.util.HashSet<>();
            for (Map.Entry<Long, Integer> escalation : asked.entrySet()) {
                long id = escalation.getKey();
                JsonNode state = WebhookClient.json(after.admin("GET", "/api/v1/escalations/" + id, null));
                boolean answered = state.path("status").asText().equals("answered");
                if (acknowledgedAtKill.contains(id)) {
                    assertTrue(answered, "acknowledged answer to " + id + " lost: " + state);
                } else if (answered) {
                    committedUnacknowledged.add(id);
                }
                if (answered) {
                    assertEquals(answer(escalation.getValue()), learned.get(id).path("answer").asText(),
                            "answered " + id + " has its learned answer");
                    assertEquals(1, state.path("deliveries").size(), "answered " + id + " has its delivery: " + state);
                } else {
                    assertEquals("open", state.path("status").asText(), state.toString());
                    assertTrue(!learned.containsKey(id) && state.path("deliveries").isEmpty(),
                            "an unanswered " + id + " has neither a learned answer nor a delivery: " + state);
                }
            }

            // what a maintainer's tool does with an unacknowledged call: post it again
            for (Map.Entry<Long, Integer> escalation : asked.entrySet()) {
                if (!acknowledgedAtKill.contains(escalation.getKey())) {
                    HttpResponse<String> again = postAnswer(after, escalation.getKey(), escalation.getValue());
                    assertEquals(committedUnacknowledged.contains(escalation.getKey()) ? 409 : 200, again.statusCode(),
                            "an answer recorded before the kill is refused as already answered, any other is taken: "
                                    + again.body());
                }
            }
            learned = learnedByEscalation(after);
            assertEquals(asked.keySet(), learned.keySet(), "every escalation learned, once");

            Eventually.await(Duration.ofSeconds(30), "every asker's delivery recorded as sent", () -> {
                List<String> states = new ArrayList<>();
                for (long id : asked.keySet()) {
                    states.add(WebhookClient.json(after.admin("GET", "/api/v1/escalations/" + id, null))
                            .path("deliveries").path(0).path("state").asText());
                }
                return states;
            }, states -> states.stream().allMatch("sent"::equals));
            Map<String, List<Callback>> byAsker = chat.accepted().stream().collect(Collectors.groupingBy(Callback::user));
            assertEquals(QUESTIONS.size(), byAsker.size(), "every asker answered: " + byAsker.keySet());
            for (Map.Entry<Long, Integer> escalation : asked.entrySet()) {
                List<Callback> got = byAsker.get("u" + escalation.getValue());
                assertTrue(got.get(0).text().contains(answer(escalation.getValue())), got.get(0).text());
                assertEquals(1, got.stream().map(Callback::key).distinct().count(), "one idempotency key per asker");
                assertTrue(got.size() == 1 || onTheWireAtKill.contains(got.get(0).key()),
                        "sent twice though it was not on the wire at the kill: " + got);
            }

            for (Map.Entry<Long, Integer> escalation : asked.entrySet()) {
                JsonNode next = after.ask(QUESTIONS.get(escalation.getValue()));
                assertEquals("answer", next.path("decision").asText(), "learned: " + next);
                assertEquals(answer(escalation.getValue()), next.path("answer").asText());
            }
            System.out.printf("KillWhileLearningTest: %d of %d answers acknowledged before the kill, %d more committed"
                    + " unacknowledged, %d deliveries resent under their key%n", acknowledgedAtKill.size(), QUESTIONS.size(),
                    committedUnacknowledged.size(), byAsker.values().stream().mapToInt(List::size).sum() - QUESTIONS.size());
        }
    }

    private static HttpResponse<String> postAnswer(WebhookClient client, long id, int question)
            throws IOException, InterruptedException {
        return client.admin("POST", "/api/v1/escalations/" + id + "/answer",
                WebhookClient.answerBody(answer(question), "maintainer-" + (question % 3)));
    }

    private static Map<Long, JsonNode> learnedByEscalation(WebhookClient client) throws Exception {
        Map<Long, JsonNode> byEscalation = new HashMap<>();
        for (JsonNode item : WebhookClient.json(client.admin("GET", "/api/v1/learned", null)).path("items")) {
            JsonNode earlier = byEscalation.put(item.path("escalation").asLong(), item);
            assertEquals(null, earlier, "two learned answers for one escalation: " + item);
        }
        return byEscalation;
    }

    private static String answer(int question) {
        return "Answer " + question + ": see section " + (question + 1) + " of the operations runbook.";
    }

}
