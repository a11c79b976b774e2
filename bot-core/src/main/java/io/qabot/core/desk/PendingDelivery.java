package io.qabot.core.desk;

import io.qabot.core.MaintainerAnswer;
import java.util.Objects;

/** A delivery leased to one worker: what to send and to whom. */
public record PendingDelivery(Delivery delivery, String question, MaintainerAnswer answer) {
    public PendingDelivery {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
