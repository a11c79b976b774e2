/**
 * Reading a request's body as JSON, the one way every entry point does it (the platforms'
 * hooks, the generic webhook, the admin API, {@code /api/v1/ask}): a strict UTF-8 decode, then
 * Jackson on the text, and a {@link io.qabot.connectors.json.MalformedJsonException} with the
 * reason for anything else, which the route answers with a 400 (or its platform's refusal).
 */
package io.qabot.connectors.json;
