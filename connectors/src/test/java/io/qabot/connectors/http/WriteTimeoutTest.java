package io.qabot.connectors.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpMethod;
import io.qabot.connectors.KeywordMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that asks for a large response and never reads it keeps the connection unwritable;
 * {@code http.writeTimeout} closes it instead of holding the response's memory and the
 * connection until the (much longer) idle timeout.
 */
class WriteTimeoutTest {
    /** Far more than the client's 4 KiB receive buffer plus the server's send buffer can hold. */
    private static final int LARGE = 16 << 20;

    @Test
    @Timeout(60)
    void aClientThatDoesNotTakeItsResponseIsCutOffAfterTheWriteTimeoutAndOthersAreStillAnswered() throws Exception {
        byte[] body = new byte[LARGE];
        Route large = Route.of(HttpMethod.GET, "/large", "test download",
                request -> CompletableFuture.completedFuture(new RouteResponse(200, "application/octet-stream", body, Map.of())));
        // header, request and idle timeouts stay at 10 s and more: only the write timeout can close within the deadline
        HttpServerOptions options = HttpServerOptions.defaults().withPort(0).withWriteTimeout(Duration.ofSeconds(1));
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, new KeywordMatcher(), List.of(large));
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", fixture.port));
            socket.getOutputStream().write("GET /large HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertTrue(within(Duration.ofSeconds(5), () -> fixture.server.openConnections() == 1), "the connection was never open");

            assertTrue(within(Duration.ofSeconds(8), () -> fixture.server.openConnections() == 0),
                    "a connection whose response was not taken stayed open");

            assertTrue(receivedUntilClosed(socket) < LARGE, "the whole response arrived: it was never cut off");
            try (RawConnection other = new RawConnection(fixture.port)) {
                other.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                String response = other.readResponse();
                assertTrue(response.startsWith("HTTP/1.1 200"), response);
            }
        }
    }

    /** Polls until the condition holds or the deadline passes. */
    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10); // polling interval, not a wait for time to pass
        }
        return condition.getAsBoolean();
    }

    /** Bytes the client can still read before the end or a reset. */
    private static long receivedUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        long total = 0;
        byte[] sink = new byte[65_536];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(sink)) >= 0; ) {
                total += n;
            }
        } catch (IOException reset) {
            // a reset is a cut too
        }
        return total;
    }
}
