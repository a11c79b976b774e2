package io.qabot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.qabot.config.Secret;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdminGuardTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final AdminGuard guard = new AdminGuard(Optional.of(Secret.of("right-token")), CLOCK);

    private static RouteRequest from(String address, String token) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.add("Authorization", "Bearer " + token);
        return new RouteRequest(HttpMethod.GET, "/api/v1/escalations", Map.of(), headers, new byte[0],
                new InetSocketAddress(address, 0));
    }

    private int status(RouteRequest request) throws Exception {
        CompletableFuture<RouteResponse> refusal = guard.refusal(request);
        return refusal == null ? 200 : refusal.get(5, TimeUnit.SECONDS).status();
    }

    @Test
    void threeHundredParallelGuessesGetExactlyTwentyTries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String guess = "guess-" + i;
                answers.add(pool.submit(() -> status(from("203.0.113.9", guess))));
            }
            int tried = 0;
            for (Future<Integer> answer : answers) {
                tried += answer.get(30, TimeUnit.SECONDS) == 401 ? 1 : 0;
            }

            assertEquals(AdminGuard.MAX_FAILURES, tried);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneGuessersLockoutLeavesEveryOtherAddressAndTheRightTokenAlone() throws Exception {
        for (int i = 0; i < AdminGuard.MAX_FAILURES; i++) {
            assertEquals(401, status(from("203.0.113.9", "guess-" + i)));
        }

        assertEquals(429, status(from("203.0.113.9", "right-token")), "the guesser's address is locked out");
        assertNull(guard.refusal(from("198.51.100.7", "right-token")), "a maintainer elsewhere is not");
    }

    @Test
    void aRightTokenGivesItsTryBack() throws Exception {
        for (int i = 0; i < 200; i++) {
            assertNull(guard.refusal(from("198.51.100.7", "right-token")));
        }
        assertEquals(401, status(from("198.51.100.7", "one-typo")));
    }
}
