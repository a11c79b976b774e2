package io.qabot.connectors.bench;

import io.qabot.connectors.http.WebhookSignatures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes {@code count} signed webhook requests, one per line as {@code timestamp TAB
 * signature TAB body}, for wrk's Lua script to replay. Realistic mix: questions the stand-in
 * knowledge answers, ones it escalates, chatter and messages not addressed to the bot, from
 * many users in many chats, every id unique. Args: file, count, secret.
 */
public final class SignedRequests {
    private static final List<String> TEXTS = List.of(
            "请问 jraft 支持跨机房吗", "raft 能跨机房部署吗？", "SOFAJRaft 跨机房部署有什么要注意的",
            "sofa-rpc 怎么配置超时时间", "jraft 支持 learner 吗", "layotto 的 actuator 接口在哪里看",
            "谢谢", "+1", "seata 的 AT 模式和 TCC 模式怎么选", "跨机房延时大会影响选举吗");

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String secret = args[2];
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String text = TEXTS.get(random.nextInt(TEXTS.size()));
                String body = "{\"id\": \"bench-" + timestamp + "-" + i + "\", \"chat\": \"group-" + random.nextInt(500)
                        + "\", \"user\": {\"id\": \"u" + random.nextInt(5000) + "\", \"name\": \"User " + i
                        + "\"}, \"text\": \"" + text + "\", \"mentioned\": " + (random.nextInt(10) < 8) + "}";
                String signature = WebhookSignatures.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
                out.write(timestamp + "\t" + signature + "\t" + body + "\n");
            }
        }
    }
}
