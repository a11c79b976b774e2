package io.qabot.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connectors.irc}: one connection to one IRC server.
 *
 * @param server the host name
 * @param port 6697 with TLS, 6667 without, unless set
 * @param tls whether to connect with TLS (true by default: SASL passwords must not travel in clear)
 * @param nick the bot's nickname ({@code qabot} by default)
 * @param channels the channels to join, e.g. {@code #project}
 * @param saslUser the SASL PLAIN account, set together with {@code saslPassword}
 * @param saslPassword the SASL PLAIN password
 */
public record IrcConfig(
        String server,
        int port,
        boolean tls,
        String nick,
        List<String> channels,
        Optional<String> saslUser,
        Optional<Secret> saslPassword) {

    public IrcConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(nick, "nick");
        channels = List.copyOf(channels);
        Objects.requireNonNull(saslUser, "saslUser");
        Objects.requireNonNull(saslPassword, "saslPassword");
    }
}
