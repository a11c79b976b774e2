/**
 * The HTTP server, on Netty: {@link io.qabot.connectors.http.QabotServer} (bootstrap,
 * lifecycle, graceful shutdown), {@code HttpInitializer} (the channel pipeline: header
 * and idle timeouts, the codec, the body limit, aggregation) and {@code RouterHandler}
 * (dispatch to {@link io.qabot.connectors.http.Route}s, one request at a time per
 * connection so pipelined responses keep their order).
 *
 * <p>The event loop only decodes, verifies and hands off: a route returns a future and
 * does its real work on the bot's executor; the response is written when it completes.
 * Every error leaves as JSON {@code {"error": "…"}}.
 */
package io.qabot.connectors.http;
