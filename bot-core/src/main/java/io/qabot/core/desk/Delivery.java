package io.qabot.core.desk;

import io.qabot.core.Asker;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One asker's copy of a maintainer's answer, on its way through the outbox.
 *
 * @param idempotencyKey the same on every attempt: {@code escalation-42/asker-7}
 * @param nextAttempt    when a pending delivery is tried next
 */
public record Delivery(long id, long escalationId, Asker asker, String idempotencyKey, State state, int attempts,
                       Instant nextAttempt, Optional<String> lastError, Optional<Instant> delivered) {
    public Delivery {
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(delivered, "delivered");
    }

    /** {@code pending → sent}, or {@code failed} once the retries are used up. */
    public enum State {
        PENDING, SENT, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
