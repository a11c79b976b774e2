/**
 * Slack through the Events API at {@code POST /hooks/slack}.
 *
 * <p>Inbound: {@link io.qabot.connectors.slack.SlackSignature} checks the v0 signature over
 * the raw bytes within the five-minute window (anything else: 401 and nothing happens),
 * {@link io.qabot.connectors.slack.SlackEnvelope} reads the URL-verification challenge or an
 * {@code app_mention}/{@code message} event, and the connector acknowledges at once (Slack
 * waits 3 s) while the pipeline works. Redeliveries ({@code X-Slack-Retry-Num}) and the
 * {@code message} event Slack sends alongside an {@code app_mention} carry the same channel
 * and {@code ts}, which is the pipeline's de-duplication key, so they are answered once.
 *
 * <p>Outbound: {@link io.qabot.connectors.slack.SlackWebApi} posts {@code chat.postMessage}
 * into the asker's thread, one message a second per channel at most.
 */
package io.qabot.connectors.slack;
