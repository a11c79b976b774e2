package io.qabot.connectors.websocket;

/** What a connection reports; all calls come on the connection's event loop, one at a time. */
public interface WebSocketListener {

    /** The handshake completed; {@code connection} can send. */
    void opened(WebSocketConnection connection);

    /** One whole text message (fragments already joined). */
    void text(WebSocketConnection connection, String text);

    /**
     * The connection is gone: the peer's close code, or -1 when it dropped without a close
     * frame or never opened ({@code cause} says why, or is null).
     */
    void closed(int code, String reason, Throwable cause);
}
