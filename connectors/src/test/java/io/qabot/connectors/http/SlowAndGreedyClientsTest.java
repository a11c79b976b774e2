package io.qabot.connectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.config.AddressRange;
import io.qabot.connectors.KeywordMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The probe's low-severity holds: slow bodies, a huge declared body, many connections from one address. */
@Timeout(60)
class SlowAndGreedyClientsTest {

    @Test
    void aBodyTrickledAByteAtATimeIsCutOffAtTheRequestDeadline() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(30))
                .withRequestTimeout(Duration.ofMillis(800));
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, new KeywordMatcher());
             Socket socket = new Socket("127.0.0.1", fixture.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /test/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // a byte every 100 ms keeps an idle timeout from ever firing; the deadline does
            String response = null;
            socket.setSoTimeout(100);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (response == null && System.nanoTime() < deadline) {
                try {
                    out.write(' ');
                    out.flush();
                    response = readAll(socket.getInputStream());
                } catch (SocketTimeoutException stillOpen) {
                    // keep trickling
                } catch (IOException closed) {
                    response = "";
                }
            }

            assertTrue(response != null, "still connected after 10 s of a trickled body");
            assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 408") && response.contains("body too slow"), response);
        }
    }

    @Test
    void aBodyDeclaredTooLargeGets413AndTheConnectionClosesWithoutReadingIt() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(); RawConnection connection = new RawConnection(fixture.port)) {
            connection.write("POST /test/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1073741824\r\n\r\n{\"text\": \"");

            String response = connection.readResponse();

            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(connection.closedWithin(Duration.ofSeconds(5)), "kept reading a gigabyte that will never be used");
        }
    }

    @Test
    void anAddressGetsNoMoreConnectionsThanTheLimitAndGetsOneBackWhenItClosesOne() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withConnectionLimit(2, List.of());
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, new KeywordMatcher());
             RawConnection first = new RawConnection(fixture.port);
             RawConnection second = new RawConnection(fixture.port)) {
            first.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(first.readResponse().startsWith("HTTP/1.1 200"));
            second.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(second.readResponse().startsWith("HTTP/1.1 200"));

            try (RawConnection third = new RawConnection(fixture.port)) {
                assertTrue(third.closedWithin(Duration.ofSeconds(5)), "a third connection from 127.0.0.1 stayed open");
            }
            first.close();
            assertTrue(eventually(() -> {
                try (RawConnection again = new RawConnection(fixture.port)) {
                    again.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                    return again.readResponse().startsWith("HTTP/1.1 200");
                } catch (IOException refused) {
                    return false;
                }
            }), "the address never got its connection back");
        }
    }

    @Test
    void aTrustedProxysConnectionsAreNotCounted() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults()
                .withConnectionLimit(1, List.of(AddressRange.parse("127.0.0.0/8")));
        try (ServerFixture fixture = new ServerFixture(options, ServerFixture.SECRET, new KeywordMatcher());
             RawConnection first = new RawConnection(fixture.port);
             RawConnection second = new RawConnection(fixture.port)) {
            first.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            second.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");

            assertTrue(first.readResponse().startsWith("HTTP/1.1 200"));
            assertTrue(second.readResponse().startsWith("HTTP/1.1 200"));
            assertFalse(second.closedWithin(Duration.ofMillis(200)));
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static boolean eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** Whatever the server sends until it closes; a timeout means it is still open. */
    private static String readAll(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        return new String(all, StandardCharsets.UTF_8);
    }
}
