package io.qabot.core;

/**
 * One step of the message path. A stage either decides the outcome itself (silence, an
 * escalation, the reply) or hands the exchange on with {@code chain.proceed(...)}, and may
 * look at what came back, the way OkHttp's interceptors do.
 */
interface Stage {
    Outcome intercept(Exchange exchange, Chain chain);

    /** The rest of the stages after the current one. */
    interface Chain {
        Outcome proceed(Exchange exchange);
    }
}
