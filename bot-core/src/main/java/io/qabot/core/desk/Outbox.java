package io.qabot.core.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox of maintainers' answers to askers. Rows are written by
 * {@link EscalationStore#answer}; workers lease due rows, send them and record the result.
 * A lease makes one worker (of any instance) the only sender of a row until it expires, so a
 * worker that died mid-send is replaced once its lease runs out, never while it may still send.
 */
public interface Outbox {

    /** Leases up to {@code max} pending deliveries due at {@code now} to {@code owner} for {@code leaseFor}. */
    List<PendingDelivery> lease(String owner, Instant now, Duration leaseFor, int max);

    /**
     * Records a delivery as sent and, in the same transaction, remembers it as an answered reply
     * under its {@link PendingDelivery#replyId()} (with the learned item it came from), so a member
     * can flag it like any answer of the bot's; false when {@code owner} no longer held its lease.
     *
     * @param postId the id the platform gave the posted message, where it tells one (a 👎 on it finds the reply)
     */
    boolean sent(long deliveryId, String owner, Instant at, Optional<String> postId);

    /** {@link #sent(long, String, Instant, Optional)} where the platform told no post id. */
    default boolean sent(long deliveryId, String owner, Instant at) {
        return sent(deliveryId, owner, at, Optional.empty());
    }

    /** Records a failed attempt; it is tried again at {@code retryAt}, or never when that is empty. */
    boolean failed(long deliveryId, String owner, String error, Optional<Instant> retryAt);
}
