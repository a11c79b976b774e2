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
}
