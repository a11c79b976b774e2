package io.qabot.connectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.qabot.config.AddressRange;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("203.0.113.9", 40000);
    private final ClientAddress behindProxy = new ClientAddress(List.of(AddressRange.parse("10.0.0.0/8")));

    private static HttpHeaders forwarded(String... values) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (String value : values) {
            headers.add("X-Forwarded-For", value);
        }
        return headers;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals(STRANGER, new ClientAddress(List.of()).of(STRANGER, forwarded("198.51.100.1")));
    }

    @Test
    void aStrangerCannotNameItsOwnAddress() {
        assertEquals(STRANGER, behindProxy.of(STRANGER, forwarded("198.51.100.1")));
    }

    @Test
    void fromATrustedProxyTheRightmostAddressThatIsNotAProxyIsTheClient() {
        // the client claims 1.1.1.1 itself; the proxy appended what it saw, then another proxy
        assertEquals("198.51.100.7", behindProxy.of(PROXY, forwarded("1.1.1.1, 198.51.100.7", "10.0.0.9"))
                .getAddress().getHostAddress());
    }

    @Test
    void aNameOrGarbageInTheHeaderStopsTheWalkAtTheLastTrustedHop() {
        assertEquals("10.0.0.9", behindProxy.of(PROXY, forwarded("evil.example, 10.0.0.9")).getAddress().getHostAddress());
        assertEquals(PROXY, behindProxy.of(PROXY, forwarded()));
    }
}
