package io.qabot.connectors.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.internal.PlatformDependent;
import io.qabot.connectors.KeywordMatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probe's attack: one unauthenticated connection with a small receive buffer pipelines
 * 60,000 GETs of a 4 KiB page and never reads a response. Before the fix every response was
 * queued in direct memory (~270 bytes held per byte sent) until an I/O thread wedged in
 * {@code Bits.reserveMemory}; now the connection is cut off and memory stays flat.
 */
class PipelinedFloodTest {
    private static final int REQUESTS = 60_000;
    private static final byte[] PAGE = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);
    private static final long ALLOWED_GROWTH = 32L << 20;

    @Test
    @Timeout(120)
    void aClientThatPipelinesAndNeverReadsIsCutOffWithDirectMemoryBoundedAndEveryIoThreadAnswersAfterwards()
            throws Exception {
        Route page = Route.of(HttpMethod.GET, "/page.js", "test page",
                request -> CompletableFuture.completedFuture(new RouteResponse(200, "text/javascript", PAGE, Map.of())));
        try (ServerFixture fixture = new ServerFixture(HttpServerOptions.defaults(), ServerFixture.SECRET,
                new KeywordMatcher(), List.of(page))) {
            long before = directMemoryUsed();

            boolean cutOff;
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", fixture.port));
                cutOff = sendWithoutReading(socket) || closedByServer(socket);
            }
            long grown = directMemoryUsed() - before;

            assertTrue(grown < ALLOWED_GROWTH, "direct memory grew by " + (grown >> 20) + " MiB");
            assertTrue(cutOff, "the server kept a connection that pipelines without reading");
            // connections are spread over the I/O threads in turn: 4 per thread reach every one of them
            int ioThreads = 2 * Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < 4 * ioThreads; i++) {
                try (RawConnection connection = new RawConnection(fixture.port)) {
                    connection.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                    String response = connection.readResponse();
                    assertTrue(response.startsWith("HTTP/1.1 200"), "connection " + i + ": " + response);
                }
            }
        }
    }

    /** Writes every request, never reading; true when the server cut the connection first. */
    private static boolean sendWithoutReading(Socket socket) {
        byte[] batch = "GET /page.js HTTP/1.1\r\nHost: x\r\n\r\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = socket.getOutputStream();
            for (int sent = 0; sent < REQUESTS; sent += 1000) {
                out.write(batch);
            }
            out.flush();
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** True when the server closes the connection within 10 s (reading now only to see the end). */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            byte[] sink = new byte[65_536];
            while (socket.getInputStream().read(sink) >= 0) {
                // drain: the server may have answered a few before closing
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Direct memory in use: the JDK's direct buffers plus Netty's own counter when it keeps one. */
    private static long directMemoryUsed() {
        long jdk = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        long netty = PlatformDependent.usedDirectMemory();
        return jdk + Math.max(netty, 0);
    }
}
