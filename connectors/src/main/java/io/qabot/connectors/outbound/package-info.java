/**
 * The one outbound HTTP client every connector posts through: the JDK's
 * {@link java.net.http.HttpClient} with connect and request timeouts, retries with
 * exponential backoff and jitter, and {@code 429}/{@code Retry-After} honoured. Each
 * connector builds its requests against its own configurable base URL, so tests point it at
 * a local fake.
 */
package io.qabot.connectors.outbound;
