/**
 * A small WebSocket client on Netty for the connectors that hold a gateway connection
 * (Discord's Gateway, DingTalk Stream): {@link io.qabot.connectors.websocket.WebSocketClient} opens one
 * connection ({@code ws://} or {@code wss://}), hands each text message to a
 * {@link io.qabot.connectors.websocket.WebSocketListener} on the connection's event loop,
 * and reports the close code. Reconnecting is the caller's policy, not the client's.
 */
package io.qabot.connectors.websocket;
