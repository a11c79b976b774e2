package io.qabot.connectors.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.connectors.http.Route;
import io.qabot.connectors.http.RouteRequest;
import io.qabot.connectors.http.RouteResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every inbound route promises under abuse: it answers with a 2xx, or refuses with a 4xx
 * whose JSON body says why ({@code {"error": "…"}}). An exception from {@code handle}, a failed
 * future or a 5xx (which the server would make of either) is the finding.
 *
 * <p>Fuzz targets run routes with a direct executor, so the future is complete when
 * {@code handle} returns; the wait is only a guard.
 */
public final class RouteContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteContract() {
    }

    /** Handles {@code request} and checks the contract; returns the response for further checks. */
    public static RouteResponse answersOrRefusesWithAReason(Route route, RouteRequest request) {
        CompletableFuture<RouteResponse> future = route.handle(request);
        assertNotNull(future, () -> route.name() + " returned no future");
        RouteResponse response;
        try {
            response = future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(route.name() + " failed, which the server answers with 500", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(route.name() + " did not answer", e);
        }
        int status = response.status();
        if (status / 100 == 2) {
            return response;
        }
        if (status / 100 != 4) {
            fail(route.name() + " answered " + status + ": " + response.bodyText());
        }
        assertTrue(response.contentType().startsWith("application/json"), () -> "a refusal that is not JSON: " + response.contentType());
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("a refusal whose body is not JSON: " + response.bodyText(), e);
        }
        JsonNode error = body == null ? null : body.get("error");
        assertTrue(error != null && error.isTextual(), () -> "a refusal without an error reason: " + response.bodyText());
        assertFalse(error.asText().isBlank(), () -> "a refusal with a blank reason: " + response.bodyText());
        return response;
    }

    /** The refusal's reason, for targets that also check which refusal it was. */
    public static String reason(RouteResponse refusal) {
        try {
            return JSON.readTree(refusal.body()).get("error").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * For targets that authenticate every input correctly: a 401 would mean the signature (or
     * token) check refused a request it should have let through, and the fuzzer is not reaching
     * the decoder behind it.
     */
    public static void assertNotRefusedAsUnsigned(RouteResponse response) {
        assertFalse(response.status() == 401, () -> "a correctly authenticated request was refused: " + response.bodyText());
    }

    public static void assertRefused(int status, RouteResponse response, String why) {
        assertEquals(status, response.status(), () -> why + ", but got " + response.status() + ": " + response.bodyText());
    }
}
