package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.DingTalkConfig;
import io.qabot.connectors.outbound.OutboundClient;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream mode, not written yet: {@code mode: stream} starts nothing but this warning. The
 * connector's {@code accept} already takes the robot-message JSON a CALLBACK frame's data
 * carries, so the client only has to register, connect with the ticket, ACK every frame,
 * answer pings and reconnect with a fresh ticket.
 */
final class DingTalkStreamClient {
    private static final Logger log = LoggerFactory.getLogger(DingTalkStreamClient.class);

    DingTalkStreamClient(DingTalkConfig config, OutboundClient client, Consumer<JsonNode> robotMessages) {
    }

    void start() {
        log.warn("DingTalk stream mode is not implemented yet; no messages will arrive");
    }

    void close() {
    }
}
