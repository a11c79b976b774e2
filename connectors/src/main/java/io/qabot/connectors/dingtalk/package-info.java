/**
 * DingTalk (钉钉): the enterprise-internal app robot, whose group @-messages arrive either as
 * HTTP callbacks at {@code /hooks/dingtalk} (signed with {@code timestamp} + {@code sign}
 * headers) or, once {@link io.qabot.connectors.dingtalk.DingTalkStreamClient} is written, over
 * Stream mode (a WebSocket the connector opens, no public URL needed); and the send-only custom
 * robot for maintainers' announcements.
 *
 * <p>Replies go to the message's {@code sessionWebhook} while it is valid (~90 minutes) and
 * afterwards through the OpenAPI group send with an access token the connector keeps fresh.
 * DingTalk has no threads; the asker is @-mentioned by staff id in the text and in
 * {@code at.atUserIds}, which is what makes the mention notify.
 */
package io.qabot.connectors.dingtalk;
