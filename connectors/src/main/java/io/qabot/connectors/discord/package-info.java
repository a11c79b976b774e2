/**
 * Discord: channel messages through the Gateway, the {@code /ask} slash command through the
 * interactions endpoint at {@code POST /hooks/discord}.
 *
 * <p>{@link io.qabot.connectors.discord.DiscordGateway} keeps the Gateway session: Identify
 * with the message-content intent, heartbeats (a missed ACK means a dead connection), Resume
 * after a drop, Reconnect and Invalid Session handled as Discord documents. Each
 * {@code MESSAGE_CREATE} from a guild is read by {@link io.qabot.connectors.discord.DiscordMessage}.
 * {@link io.qabot.connectors.discord.DiscordInteractions} verifies the Ed25519 signature over
 * timestamp + body with the JDK (the raw public key wrapped as X.509), answers PING with PONG,
 * and answers {@code /ask} with a deferred response that is edited once the pipeline is done.
 * {@link io.qabot.connectors.discord.DiscordRestApi} replies with a message reference to the
 * asker's message and honours the rate-limit headers.
 */
package io.qabot.connectors.discord;
