/**
 * Outbound pacing shared by the chat connectors: {@link io.qabot.connectors.pacing.ChannelPacer}
 * spaces the posts into one channel so the bot stays under a platform's per-channel limit
 * (Slack's one message a second) and waits out a limit the platform announced (Discord's
 * rate-limit headers) instead of running into a 429.
 */
package io.qabot.connectors.pacing;
