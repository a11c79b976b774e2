package io.qabot.core;

import io.qabot.knowledge.Match;
import java.time.Duration;

/**
 * What the message path reports for metrics: a port, so bot-core knows no metrics library. The
 * app implements it over its registry. Called on the bot's executor, never on an I/O thread;
 * implementations must be quick and must not throw (a failing one would fail the message).
 */
public interface Telemetry {
    /** Reports nothing: the default. */
    Telemetry NONE = new Telemetry() {
    };

    /** A delivery's outcome, once per message (a platform's redelivery is not counted again). */
    default void handled(Outcome outcome) {
    }

    /** One question matched against the knowledge: how long it took and the verdict. */
    default void matched(Duration took, Match match) {
    }

    /** A member flagged one of the bot's answers on {@code platform} (a message or a reaction), once per member and answer. */
    default void flagged(Platform platform, FlagKind kind) {
    }

    /** A maintainer's answer reached an asker on {@code platform}. */
    default void delivered(Platform platform) {
    }

    /** Delivering a maintainer's answer failed; {@code retrying} is false when the outbox gave up on it. */
    default void deliveryFailed(Platform platform, boolean retrying) {
    }

    /**
     * A post to {@code platform} was dropped before it was sent because too many were already
     * under way (the platform is slow or down). Called on whichever thread posted.
     */
    default void outboundDropped(Platform platform) {
    }
}
