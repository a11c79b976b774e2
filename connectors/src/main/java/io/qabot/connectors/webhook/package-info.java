/**
 * The generic webhook connector of contracts.md: {@code POST /hooks/webhook}, signed with
 * HMAC-SHA256 over {@code timestamp + "." + body}; the reply comes back in the response, and
 * later replies (a maintainer's answer) are POSTed, signed the same way, to the configured
 * callback URL. Off (no route, so 404) when no secret is configured.
 */
package io.qabot.connectors.webhook;
