package io.qabot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** http.requestTimeout, http.writeTimeout, http.maxConnectionsPerAddress, http.trustedProxies, metrics.token and metrics.port. */
class SecuritySettingsTest {

    private static QabotConfig env(Map<String, String> env) {
        return ConfigLoader.load(Optional.empty(), env);
    }

    @Test
    void defaultsBoundARequestAndAnAddressAndTrustNoProxyAndLeaveMetricsOpen() {
        QabotConfig config = env(Map.of());

        assertEquals(Duration.ofSeconds(30), config.http().requestTimeout());
        assertEquals(Duration.ofSeconds(30), config.http().writeTimeout());
        assertEquals(256, config.http().maxConnectionsPerAddress());
        assertEquals(List.of(), config.http().trustedProxies());
        assertEquals(Optional.empty(), config.metrics().token());
        assertEquals(OptionalInt.empty(), config.metrics().port());
    }

    @Test
    void theEnvironmentSetsEachOfThem() throws Exception {
        QabotConfig config = env(Map.of(
                "QABOT_HTTP_REQUEST_TIMEOUT", "45s",
                "QABOT_HTTP_MAX_CONNECTIONS_PER_ADDRESS", "32",
                "QABOT_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1,fd00::/8",
                "QABOT_HTTP_WRITE_TIMEOUT", "5s",
                "QABOT_METRICS_TOKEN", "scrape-me",
                "QABOT_METRICS_PORT", "9464"));

        assertEquals(Duration.ofSeconds(5), config.http().writeTimeout());
        assertEquals(OptionalInt.of(9464), config.metrics().port());

        assertEquals(Duration.ofSeconds(45), config.http().requestTimeout());
        assertEquals(32, config.http().maxConnectionsPerAddress());
        List<AddressRange> proxies = config.http().trustedProxies();
        assertEquals(3, proxies.size());
        assertTrue(proxies.get(0).contains(InetAddress.getByName("10.200.3.4")));
        assertFalse(proxies.get(0).contains(InetAddress.getByName("11.0.0.1")));
        assertTrue(proxies.get(1).contains(InetAddress.getByName("127.0.0.1")));
        assertFalse(proxies.get(1).contains(InetAddress.getByName("127.0.0.2")));
        assertTrue(proxies.get(2).contains(InetAddress.getByName("fd12::1")));
        assertFalse(proxies.get(2).contains(InetAddress.getByName("10.0.0.1")));
        assertTrue(config.metrics().token().orElseThrow().matches("scrape-me"));
    }

    @Test
    void aWrongValueNamesTheSettingAndNeverShowsTheToken() {
        assertEquals("http.trustedProxies[1]: \"proxy.example.org\" is not an IP address or CIDR block (like 10.0.0.0/8 or 127.0.0.1)",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_HTTP_TRUSTED_PROXIES", "10.0.0.1,proxy.example.org")))
                        .getMessage());
        assertEquals("http.trustedProxies[0]: \"10.0.0.0/33\" has a prefix length that is not 0-32",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_HTTP_TRUSTED_PROXIES", "10.0.0.0/33"))).getMessage());
        assertEquals("http.requestTimeout: 5 s is shorter than http.headerTimeout (10 s): a whole request cannot arrive before its headers",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_HTTP_REQUEST_TIMEOUT", "5s"))).getMessage());
        assertEquals("http.maxConnectionsPerAddress: \"0\" is not a whole number from 1 to 1000000",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_HTTP_MAX_CONNECTIONS_PER_ADDRESS", "0"))).getMessage());
        assertEquals("metrics.port: 8080 is http.port too: /metrics gets a port of its own or none",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_METRICS_PORT", "8080"))).getMessage());
        assertEquals("metrics.port: 9000 is http.port too: /metrics gets a port of its own or none",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_HTTP_PORT", "9000", "QABOT_METRICS_PORT", "9000")))
                        .getMessage());
        assertEquals("metrics.port: \"70000\" is not a port number (1-65535)",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_METRICS_PORT", "70000"))).getMessage());
        assertEquals("http.writeTimeout: \"0s\" must be longer than zero",
                assertThrows(ConfigException.class, () -> env(Map.of("QABOT_HTTP_WRITE_TIMEOUT", "0s"))).getMessage());
        assertFalse(env(Map.of("QABOT_METRICS_TOKEN", "scrape-me")).toString().contains("scrape-me"));
    }
}
