/**
 * The one outbound HTTP client every connector posts through: the JDK's
 * {@link java.net.http.HttpClient} with connect and request timeouts, retries with
 * exponential backoff and jitter, and {@code 429}/{@code Retry-After} honoured. Each
 * connector posts through its platform's view of it, with its own bound on the posts under
 * way, so a platform that hangs holds bounded resources and never delays another's posts.
 * Each connector builds its requests against its own configurable base URL, so tests point it
 * at a local fake.
 */
package io.qabot.connectors.outbound;
