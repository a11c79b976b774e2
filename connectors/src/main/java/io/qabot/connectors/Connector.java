package io.qabot.connectors;

import io.qabot.connectors.http.Route;
import io.qabot.core.ChatSender;
import io.qabot.core.Platform;
import java.util.List;

/**
 * One chat platform's adapter. The app collects every connector's routes into the server
 * and its sender into the table that later replies (a maintainer's answer) go through.
 */
public interface Connector {

    Platform platform();

    /** The routes the platform calls ({@code POST /hooks/{platform}}); empty when the connector is off. */
    List<Route> routes();

    /** Posts into the platform's chats. */
    ChatSender sender();

    /**
     * Posts the maintainers' announcements (new and stale escalations, the daily summary) into
     * {@code escalation.maintainersChat}: the {@link #sender()} unless the platform has a
     * channel made for notices (DingTalk's custom robot).
     */
    default ChatSender announcer() {
        return sender();
    }

    /**
     * Starts what the connector runs by itself: a long connection it opens to the platform
     * (DingTalk Stream, Discord Gateway, Telegram long polling, IRC). Called once after the
     * server is up; a failure here is logged with the connector's name and the others still start.
     */
    default void start() {
    }

    /** Stops what {@link #start()} started; called once on shutdown. */
    default void close() {
    }
}
