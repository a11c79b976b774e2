package io.qabot.connectors.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qabot.config.DingTalkConfig;
import io.qabot.connectors.outbound.OutboundClient;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stream mode: placeholder until the WebSocket client lands. */
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
