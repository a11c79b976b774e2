package io.qabot.connectors.irc;

import io.qabot.config.IrcConfig;
import io.qabot.connectors.Connector;
import io.qabot.connectors.payload.Fields;
import io.qabot.connectors.http.Route;
import io.qabot.core.ChatMessage;
import io.qabot.core.ChatSender;
import io.qabot.core.OutboundMessage;
import io.qabot.core.Pipeline;
import io.qabot.core.Platform;
import io.qabot.core.Telemetry;
import io.qabot.core.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC: channel messages to the pipeline, answers back as {@code nick: …} lines.
 *
 * <pre>
 * config.connectors().irc().map(c -&gt; new IrcConnector(c, pipeline, clock))
 * </pre>
 */
public final class IrcConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(IrcConnector.class);

    private final Pipeline pipeline;
    private final Clock clock;
    private final IrcClient client;
    private final Telemetry telemetry;
    /** IRC has no message ids (unless the server tags them): each line gets its own. */
    private final AtomicLong lines = new AtomicLong();

    public IrcConnector(IrcConfig config, Pipeline pipeline, Clock clock) {
        this(config, pipeline, clock, Telemetry.NONE);
    }

    /** @param telemetry told about each message dropped because too many lines were waiting to be sent */
    public IrcConnector(IrcConfig config, Pipeline pipeline, Clock clock, Telemetry telemetry) {
        this(config, pipeline, clock, Duration.ofSeconds(1), telemetry);
    }

    IrcConnector(IrcConfig config, Pipeline pipeline, Clock clock, Duration firstBackoff) {
        this(config, pipeline, clock, firstBackoff, Telemetry.NONE);
    }

    IrcConnector(IrcConfig config, Pipeline pipeline, Clock clock, Duration firstBackoff, Telemetry telemetry) {
        Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.client = new IrcClient(config, this::accept, clock, firstBackoff);
    }

    @Override
    public Platform platform() {
        return Platform.IRC;
    }

    @Override
    public List<Route> routes() {
        return List.of();
    }

    @Override
    public ChatSender sender() {
        return this::send;
    }

    @Override
    public void start() {
        client.start();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Whether the bot is registered on the server (and so has joined its channels). */
    boolean registered() {
        return client.registered();
    }

    private CompletableFuture<Void> send(OutboundMessage message) {
        if (message.platform() != Platform.IRC) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "irc connector cannot send to " + message.platform().wireName()));
        }
        if (message.addressee() == null) {
            // a post (an announcement): plain lines, addressed to no one
            return queue(message.chat(), IrcLineSplitter.forPrivmsg(client.nick(), message.chat()).split(message.text()));
        }
        return say(message.chat(), message.addressee().name(), message.text());
    }

    /** A PRIVMSG from the server; package-private for the fuzz target, which calls it directly. */
    void accept(IrcMessage privmsg) {
        String target = privmsg.param(0);
        String text = privmsg.trailing();
        String from = privmsg.nick();
        // ":!user@host" names no nick: no one to answer (it once reached Sender and threw in the reader)
        if (target == null || target.isBlank() || text == null || from == null || from.isBlank() || privmsg.params().size() < 2) {
            log.debug("irc: ignoring a PRIVMSG without a sender, target or text");
            return;
        }
        if (text.startsWith("\u0001")) {
            return;   // CTCP (ACTION, VERSION…): not a question
        }
        String me = client.nick();
        boolean direct = target.equalsIgnoreCase(me);
        String chat = direct ? from : target;
        Addressed addressed = addressed(text, me);
        // the server's msgid tag when it is one (an empty "@msgid=" once reached ChatMessage), else ours
        String msgid = privmsg.tags().get("msgid");
        String id = msgid != null && !msgid.isBlank() && msgid.length() <= Fields.MAX_ID ? msgid : "irc-" + lines.incrementAndGet();
        ChatMessage message = new ChatMessage(Platform.IRC, chat, null, id, new Sender(from, from),
                addressed.text(), direct || addressed.mentioned(), time(privmsg));
        pipeline.handle(message).thenCompose(handled -> pipeline.deliver(handled, sender())).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("irc: could not answer {} in {}", from, chat, failure);
            }
        });
    }

    /**
     * Posts a rendered reply addressed the IRC way. The renderer writes plain text starting
     * with "@nick"; on IRC the convention is "nick: …", which clients highlight.
     */
    private CompletableFuture<Void> say(String target, String nick, String text) {
        String body = text;
        String at = "@" + nick;
        if (body.startsWith(at + " ") || body.startsWith(at + "\n")) {
            body = body.substring(at.length()).stripLeading();
        }
        return queue(target, IrcLineSplitter.forPrivmsg(client.nick(), target).split(nick + ": " + body));
    }

    /** Hands the lines to the client; a message refused because the queue is full is counted as dropped. */
    private CompletableFuture<Void> queue(String target, List<String> lines) {
        return client.privmsg(target, lines).whenComplete((queued, failure) -> {
            if (failure instanceof RejectedExecutionException) {
                telemetry.outboundDropped(Platform.IRC);
            }
        });
    }

    private Instant time(IrcMessage message) {
        String time = message.tags().get("time");
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException ignored) {
                // fall through to the local clock
            }
        }
        return clock.instant();
    }

    record Addressed(boolean mentioned, String text) { }

    /** "nick: question", "nick, question", "@nick question" or the nick as a word anywhere. */
    static Addressed addressed(String text, String nick) {
        Pattern leading = Pattern.compile("^@?" + Pattern.quote(nick) + "[:,]?\\s+", Pattern.CASE_INSENSITIVE);
        var match = leading.matcher(text);
        if (match.find()) {
            return new Addressed(true, text.substring(match.end()).strip());
        }
        boolean anywhere = Pattern.compile("(^|[^\\w-])@?" + Pattern.quote(nick) + "($|[^\\w-])",
                Pattern.CASE_INSENSITIVE).matcher(text).find();
        return new Addressed(anywhere, text.strip());
    }

}
