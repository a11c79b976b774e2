/**
 * Mains for {@code connectors/bench/webhook-load.sh}, not tests: the qabot server with the
 * webhook on and a stand-in matcher, a bare Netty hello-world server to compare it with,
 * and a generator of signed requests for wrk (HMAC in wrk's Lua would be impractical).
 */
package io.qabot.connectors.bench;
