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
 * signature TAB body}, for wrk's Lua script to replay. A realistic mix (70 % chatter, 20 % questions
 * the SOFA digests answer, 10 % questions they do not; one message in five not addressed to the
 * bot), from many users in many chats, every id unique. Args: file, count, secret.
 */
public final class SignedRequests {
    /** Group chat is mostly chatter: 70 % of the messages. */
    private static final List<String> CHATTER = List.of(
            "谢谢", "+1", "收到", "哈哈 大佬牛逼", "hi all", "thanks!", "好的", "在吗", "早上好", "厉害了",
            "打扰了，没事了", "👍", "ok 我试试", "明白了", "辛苦了");
    /** 20 %: questions the SOFA Weekly digests answer, worded as members would. */
    private static final List<String> KNOWN = List.of(
            "请问 jraft 支持跨机房部署吗", "MOSN 和 Envoy 比有啥优势", "SOFAArk 能集成到普通 spring boot 项目里吗",
            "seata saga 的状态机 json 支持热部署吗", "AT 和 Saga 模式有什么区别", "MOSN 有计划支持 eureka 注册中心吗",
            "sofa-rpc 有支持 jdk 17 的计划么", "SOFARPC 相比 Dubbo 的优势在哪");
    /** 10 %: real questions the knowledge does not answer. */
    private static final List<String> UNKNOWN = List.of(
            "Seata 有 Go 语言的客户端吗？", "Docker 镜像太大了，多阶段构建要怎么写？", "git rebase 之后 push 被拒了怎么办",
            "SOFAArk 的 biz 模块可以用 Kotlin 写吗？");

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String secret = args[2];
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(10);
                List<String> texts = kind < 7 ? CHATTER : kind < 9 ? KNOWN : UNKNOWN;
                String text = texts.get(random.nextInt(texts.size()));
                String body = "{\"id\": \"bench-" + timestamp + "-" + i + "\", \"chat\": \"group-" + random.nextInt(500)
                        + "\", \"user\": {\"id\": \"u" + random.nextInt(5000) + "\", \"name\": \"User " + i
                        + "\"}, \"text\": \"" + text + "\", \"mentioned\": " + (random.nextInt(10) < 8) + "}";
                String signature = WebhookSignatures.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
                out.write(timestamp + "\t" + signature + "\t" + body + "\n");
            }
        }
    }
}
