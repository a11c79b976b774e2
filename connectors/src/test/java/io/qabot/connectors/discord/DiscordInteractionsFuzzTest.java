package io.qabot.connectors.discord;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qabot.config.DiscordConfig;
import io.qabot.config.Secret;
import io.qabot.connectors.fuzz.FuzzRequests;
import io.qabot.connectors.fuzz.FuzzedPlatform;
import io.qabot.connectors.fuzz.RouteContract;
import io.qabot.connectors.http.Route;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Timeout;

/**
 * The interactions endpoint with any headers and body: the fuzzer chooses whether to sign
 * with the application's Ed25519 key over exactly the timestamp and body (most of the time),
 * with another key, or to send its own signature. A signed body gets past the signature to
 * the interaction decoder: 200, or a 4xx with a JSON reason; anything not signed exactly is
 * a 401. Seeds (the first two bytes choose the signing, the rest is the body): the golden
 * interactions in {@code src/test/resources/discord/}.
 */
class DiscordInteractionsFuzzTest {
    private static final KeyPair APPLICATION = keyPair();
    private static final KeyPair STRANGER = keyPair();
    private static final long NOW = FuzzedPlatform.NOW.getEpochSecond();
    private static final Route ROUTE = route();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void onlyAnInteractionSignedByDiscordGetsPastTheSignature(FuzzedDataProvider data) {
        FuzzedPlatform.api();   // allows the connections to the API stand-in for this input
        int signing = data.consumeInt(0, 7);
        String timestamp = switch (data.consumeInt(0, 7)) {
            case 0 -> Long.toString(data.consumeLong());
            case 1 -> Long.toString(NOW + data.consumeLong(-600, 600));
            case 2 -> data.consumeString(24);
            default -> Long.toString(NOW);
        };
        String free = signing == 1 ? data.consumeString(140) : null;
        byte[] body = data.consumeRemainingAsBytes();
        String signature = switch (signing) {
            case 0 -> null;
            case 1 -> free;
            case 2 -> sign(STRANGER, timestamp, body);
            default -> sign(APPLICATION, timestamp, body);
        };
        var headers = FuzzRequests.headers();
        FuzzRequests.with(headers, "Content-Type", "application/json");
        FuzzRequests.with(headers, DiscordSignature.TIMESTAMP, timestamp);
        FuzzRequests.with(headers, DiscordSignature.SIGNATURE, signature);

        var response = RouteContract.answersOrRefusesWithAReason(ROUTE, FuzzRequests.post(DiscordConnector.PATH, headers, body));

        String delivered = FuzzRequests.deliverable(timestamp);
        boolean authentic = signing >= 3 && delivered.equals(timestamp) && inWindow(delivered);
        if (authentic) {
            RouteContract.assertNotRefusedAsUnsigned(response);
        } else {
            RouteContract.assertRefused(401, response, "the body is not signed by the application's key within the window");
        }
    }

    private static boolean inWindow(String timestamp) {
        try {
            return Duration.ofSeconds(NOW).minusSeconds(Long.parseLong(timestamp)).abs().getSeconds()
                    <= DiscordSignature.WINDOW.toSeconds();
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    private static Route route() {
        byte[] x509 = APPLICATION.getPublic().getEncoded();
        String publicKeyHex = HexFormat.of().formatHex(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        // one connector for the JVM: interactions keep no state of their own, and the pipeline's
        // de-duplication only makes a repeated interaction id a silent (still 200) one
        return new DiscordConnector(new DiscordConfig(Optional.of(publicKeyHex), Secret.of("fuzz-bot-token"),
                FuzzedPlatform.api(), URI.create("ws://127.0.0.1:9/")), FuzzedPlatform.pipeline(), FuzzedPlatform.CLIENT,
                FuzzedPlatform.CLOCK, Duration.ofSeconds(1), delay -> CompletableFuture.completedFuture(null))
                .routes().get(0);
    }

    private static String sign(KeyPair key, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return HexFormat.of().formatHex(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
