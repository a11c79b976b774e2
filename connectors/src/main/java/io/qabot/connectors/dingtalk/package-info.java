/**
 * DingTalk (钉钉): the enterprise-internal app robot, whose group @-messages arrive either as
 * HTTP callbacks at {@code /hooks/dingtalk} (signed with {@code timestamp} + {@code sign}
 * headers) or over Stream mode, a WebSocket the connector opens so no public URL is needed;
 * and the send-only custom robot for maintainers' announcements.
 *
 * <p>Stream mode is three small parts: {@link io.qabot.connectors.dingtalk.StreamRegistration}
 * trades the app key and secret for an endpoint and a single-use ticket,
 * {@link io.qabot.connectors.dingtalk.StreamFrame} reads a frame and writes its ACK, and
 * {@link io.qabot.connectors.dingtalk.DingTalkStream} holds the connection on the shared
 * {@link io.qabot.connectors.websocket.WebSocketClient}: ACK every frame, hand robot messages
 * to the connector exactly as callbacks are handed, reconnect with a fresh ticket.
 *
 * <p>Replies go to the message's {@code sessionWebhook} while it is valid (~90 minutes) and
 * afterwards through the OpenAPI group send with an access token the connector keeps fresh;
 * Stream mode cannot reply over its socket. DingTalk has no threads; the asker is
 * @-mentioned by staff id in the text and in {@code at.atUserIds}, which is what makes the
 * mention notify.
 */
package io.qabot.connectors.dingtalk;
