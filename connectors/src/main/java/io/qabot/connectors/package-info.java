/**
 * Connectors translate chat platforms' payloads to and from bot-core's records. Each is a
 * {@link io.qabot.connectors.Connector}: the HTTP routes its platform calls (verified by
 * the platform's own scheme) and the sender that posts into its chats.
 *
 * <p>Subpackages: {@code http} the Netty server and routing, {@code ask} the
 * {@code /api/v1/ask} route and the ask result object, {@code webhook} the generic signed
 * webhook, {@code outbound} the one HTTP client every connector posts through, {@code time}
 * the one replay window every verifier asks and the bounded reading of timestamps a request
 * carries, {@code json} the one way a request body becomes JSON (the admin module's routes
 * use it too).
 */
package io.qabot.connectors;
