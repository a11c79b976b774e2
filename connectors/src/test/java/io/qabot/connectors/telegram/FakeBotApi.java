package io.qabot.connectors.telegram;

import io.qabot.connectors.fakes.RecordingPlatformApi;
import io.qabot.connectors.fakes.RecordingPlatformApi.Answer;
import io.qabot.connectors.fakes.RecordingPlatformApi.Recorded;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local Bot API for one bot: {@code getMe} says it is @demo_helper_bot, {@code sendMessage}
 * succeeds (after {@link #throttleNextSends} 429s), and {@code getUpdates} hands out the
 * updates a test queued, holding the request open briefly when there are none, as a long poll does.
 */
final class FakeBotApi implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token";

    final RecordingPlatformApi http = new RecordingPlatformApi();
    private final BlockingQueue<String> updates = new LinkedBlockingQueue<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final java.util.Map<String, BlockingQueue<Recorded>> byMethod = new java.util.concurrent.ConcurrentHashMap<>();

    FakeBotApi() {
        http.answer(this::answer);
    }

    static String golden(String name) {
        try (InputStream in = FakeBotApi.class.getResourceAsStream("/telegram/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void queueUpdates(String... goldenNames) {
        for (String name : goldenNames) {
            updates.add(golden(name));
        }
    }

    void throttleNextSends(int count) {
        throttled.set(count);
    }

    /** The next request to {@code method} within 5 s; each method has its own queue, so order across methods does not matter. */
    Recorded next(String method) throws InterruptedException {
        Recorded request = nextWithin(method, 5_000);
        if (request == null) {
            throw new AssertionError("the bot did not call " + method + " within 5 s");
        }
        return request;
    }

    /** The next request to {@code method} within {@code millis}, or null. */
    Recorded nextWithin(String method, long millis) throws InterruptedException {
        return calls(method).poll(millis, TimeUnit.MILLISECONDS);
    }

    private BlockingQueue<Recorded> calls(String method) {
        return byMethod.computeIfAbsent(method, m -> new LinkedBlockingQueue<>());
    }

    private Answer answer(Recorded request) {
        String path = request.path();
        calls(path.substring(path.lastIndexOf('/') + 1)).add(request);
        if (!path.startsWith("/bot" + TOKEN + "/")) {
            return Answer.json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        if (path.endsWith("/getMe")) {
            return Answer.json(200, golden("get_me.json"));
        }
        if (path.endsWith("/sendMessage")) {
            if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Answer.json(429, golden("too_many_requests.json"));
            }
            return Answer.json(200, golden("send_message_ok.json"));
        }
        if (path.endsWith("/getUpdates")) {
            return Answer.json(200, "{\"ok\":true,\"result\":[" + waitForUpdates() + "]}");
        }
        return Answer.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }

    private String waitForUpdates() {
        try {
            String first = updates.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return "";
            }
            List<String> batch = new java.util.ArrayList<>(List.of(first));
            updates.drainTo(batch);
            return batch.stream().collect(Collectors.joining(","));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
