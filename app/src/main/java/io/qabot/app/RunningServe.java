package io.qabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qabot.config.QabotConfig;
import io.qabot.config.Secret;
import io.qabot.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code qabot serve} that has the embedded store open, reached through its admin API.
 * H2 lets one process at a time have its file, so {@code qabot digest} and {@code qabot stats}
 * beside a running bot ask the bot instead of failing; they need the same admin token as the
 * bot (from the same configuration or environment), and find it at {@code http.host:http.port}.
 */
final class RunningServe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Secret token;

    private RunningServe(URI base, Secret token) {
        this.base = base;
        this.token = token;
    }

    /**
     * The running bot to ask, when {@code config} names the embedded store and another process
     * has it open; empty when the command can open the store itself.
     *
     * @throws UsageException when the store is in use and there is no admin token to ask the bot with
     */
    static Optional<RunningServe> holdingStore(QabotConfig config, String command) {
        if (config.databaseUrl().isPresent() || !Store.embeddedInUse(config.dataDir())) {
            return Optional.empty();
        }
        URI base = URI.create("http://" + reachable(config.http().host()) + ":" + config.http().port());
        Secret token = config.adminToken().orElseThrow(() -> new UsageException(command + ": the store in "
                + config.dataDir() + " is in use by a running qabot serve; set QABOT_ADMIN_TOKEN as serve has it, so "
                + command + " asks serve at " + base + ", or stop serve"));
        return Optional.of(new RunningServe(base, token));
    }

    /** The admin API's JSON at {@code pathAndQuery}; a refusal or no answer is an error naming the address. */
    JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = base.resolve(pathAndQuery);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token.value()).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UsageException("the store is in use by a running qabot serve, but nothing answers at " + base
                    + " (is serve on another http.host/http.port?): " + e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new UsageException("the running qabot serve at " + base + " refused the admin token ("
                    + response.statusCode() + "): give this command the QABOT_ADMIN_TOKEN serve has");
        }
        if (response.statusCode() != 200) {
            throw new IOException("the running qabot serve at " + base + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    // a bot listening on every address is reached on loopback
    private static String reachable(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
