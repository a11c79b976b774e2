/**
 * IRC: one connection to one server, over a Netty TCP client with optional TLS.
 *
 * <p>{@link io.qabot.connectors.irc.IrcClient} registers (NICK/USER, SASL PLAIN through CAP
 * when configured), joins the configured channels, answers PING, and reconnects with backoff
 * after a drop, joining again. {@link io.qabot.connectors.irc.IrcMessage} parses one line;
 * {@link io.qabot.connectors.irc.IrcLineSplitter} cuts outgoing text so each line fits the
 * 512-byte limit as the server relays it, never inside a UTF-8 character;
 * {@link io.qabot.connectors.irc.IrcFloodControl} is the token bucket that keeps the bot
 * under the server's flood limit. IRC has no threads and no message ids: replies are
 * addressed {@code nick: …} in the channel.
 */
package io.qabot.connectors.irc;
