package io.qabot.knowledge;

import org.junit.jupiter.api.Test;

import io.qabot.knowledge.ingest.KnowledgeReader;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A new user's first knowledge: the sample FAQ and a project FAQ of a dozen entries. There every
 * word is rare, so a chat line of one everyday word ("支持吗？", "why does this happen?") found
 * one entry with no runner-up and was answered at 0.80-0.90; it must not be, while the FAQ's own
 * questions in other words still are. A line of two or three words found one entry just as alone, and
 * the margins' "no runner-up" made the model sure of it ("能在话题里回答吗？" 0.875 on the sample FAQ,
 * "can I install it without apt?" 0.856 on the 12-entry FAQ, both answered); it must not be sure.
 */
class SmallKnowledgeTest {
    /** Chat lines that ask about something the message does not name; written for this test, none tuned for. */
    private static final List<String> GENERIC = List.of("这个怎么解决？", "有人知道吗", "有人遇到过这个问题吗？", "这是什么原因？",
            "怎么办", "请问这个怎么弄", "求助，这个报错怎么处理", "为什么会这样？", "这个有文档吗？", "怎么配置？", "能用吗？",
            "支持吗？", "这个问题怎么解决啊", "有没有大佬帮忙看看", "出错了怎么办", "是不是 bug？", "有没有例子", "有什么区别？",
            "怎么用？", "可以吗？", "会丢吗？", "默认是多少？", "how do I fix this?", "anyone know?", "why does this happen?",
            "is there any doc for this?", "how to configure it?", "does it support that?", "any idea what's wrong?",
            "can someone help me?", "is this a bug?", "what should I do?", "how does it work?", "where can I find the docs?",
            "it doesn't work, any ideas?", "what's the reason for this error?", "what is the difference?", "how do I use it?",
            "can I change it?", "what's the default?", "is it possible?", "how do I install it?", "why is it slow?");

    /**
     * Chat lines of two or three words that name nothing the FAQs answer (most share a word with an
     * entry: run, install, 日志, 回答), written for the seventh round's margin fix before it was
     * measured, none tuned for.
     */
    private static final List<String> FEW_WORDS = List.of(
            "can I run it in production?", "how do I run the tests?", "how do I upgrade to the new version?",
            "where are the logs written?", "how much memory does it need?", "can it scale horizontally?",
            "what license is it under?", "is the project still maintained?", "how do I report a bug?",
            "where is the source code?", "how do I contribute a patch?", "does it have a web ui?",
            "can I use it commercially?", "why does the build fail?", "how do I enable debug logging?",
            "the service keeps restarting, why?", "how do I clear the cache?", "can I run two instances?",
            "is there a roadmap?", "when is the next release?", "how fast is it?",
            "how do I reset my password?", "does it run on mac?", "how can I speed up startup?",
            "where do I put the config file?", "is there a docker image?",
            "what happens when the disk is full?", "how do I change the log level?",
            "who answers the questions here?", "can I get a faster answer?", "how do I set it up?",
            "where can I ask questions?", "生产环境能用吗？", "怎么升级到新版本？", "日志在哪里看？", "内存需要多少？", "支持集群部署吗？",
            "启动失败怎么办？", "怎么开启调试日志？", "配置文件放在哪里？", "性能怎么样？", "有商业版吗？", "源码在哪里？", "怎么贡献代码？", "下个版本什么时候发布？",
            "连接超时怎么处理？", "可以横向扩展吗？", "有管理界面吗？", "数据会丢失吗？", "怎么清理缓存？", "能同时跑两个实例吗？", "官方有交流群吗？", "报错了去哪里反馈？",
            "怎么修改默认密码？", "升级后启动报错怎么回事？", "问题没人回答怎么办？", "怎么部署到服务器上？", "有没有中文文档？");

    /**
     * The same kind of lines, written after the fix was chosen (docs/precision.md, "Seventh round",
     * reports them apart). Left out: "CPU 占用太高怎么办？", which the 24-entry FAQ answers at 0.94 with
     * "合并过程中 CPU 占用很高怎么办？": all its words are that entry's question's, so it is a rewording
     * with "during compaction" left out, which the lexical evidence cannot tell from a near miss.
     */
    private static final List<String> FEW_WORDS_HELD_OUT = List.of(
            "is it free to use?", "can I deploy it on aws?", "how do I back up my data?",
            "does it need root access?", "how do I check the version?", "what ports must be open?",
            "can it run offline?", "is there an api for this?", "how do I migrate my old setup?",
            "why is the cpu usage so high?", "how do I turn off telemetry?", "can I change the language?",
            "does it support ipv6?", "how to run it as a service?", "where is the changelog?",
            "who do I contact for support?", "怎么查看当前版本？", "需要 root 权限吗？", "离线能用吗？", "怎么备份数据？", "有 API 可以调用吗？",
            "能改成中文界面吗？", "端口被占用了怎么办？", "升级会丢数据吗？", "怎么设置开机自启？", "有没有性能测试报告？", "谁来维护这个项目？");

    /** Lines in each FAQ's own words that it does not answer (the first of each pair written before the fix, the second after). */
    private static final List<String> IN_SAMPLE_WORDS = List.of(
            "how do I run it in a group chat?", "can maintainers edit an answer?",
            "does the queue keep old questions?", "how long do answers stay in the queue?",
            "who reads the weekly digests?", "can I use a markdown file?", "how many folders can I give?",
            "does the bot answer in private chats?", "群里的问题会保存多久？", "队列满了怎么办？", "回答错了怎么办？", "能在话题里回答吗？",
            "维护者怎么加入？", "可以接入别的平台吗？",
            "can qabot answer in two languages?", "does the maintainers' queue have a dashboard?",
            "how do I run it on windows?", "can the bot read pdf pages?", "how many group chats can it join?",
            "what happens when a maintainer is away?", "维护者多久回答一次？", "答案可以修改吗？", "一个群可以接几个机器人？", "队列里的问题会过期吗？");
    private static final List<String> IN_PROJECT_WORDS = List.of(
            "how do I restart the broker?", "can the consumer read old messages?",
            "how many producers can connect?", "does the broker need much disk?",
            "can I install it without apt?", "how do I stop a consumer?", "is the broker single threaded?",
            "消息会丢吗？", "分区可以增加吗？", "节点挂了怎么办？", "磁盘用多少合适？", "怎么监控消费者？",
            "how do I upgrade the broker?", "can producers batch messages?", "does the consumer need a group?",
            "how much disk does retention use?", "can I run the broker in docker?", "延迟消息可以取消吗？",
            "消息可以按顺序消费吗？", "broker 内存占用多少？", "节点可以动态扩容吗？", "分区数量有上限吗？");
    private static final List<String> IN_PEBBLE_WORDS = List.of(
            "how do I close the database?", "can I open two databases?", "how many keys can it hold?",
            "does compaction block writes?", "can the follower accept writes?", "is the iterator thread safe?",
            "can I rename a column family?", "快照怎么删除？", "备份可以恢复到别的机器吗？", "迭代器是线程安全的吗？", "合并可以暂停吗？", "列族可以删除吗？",
            "can I compress old snapshots?", "how do I shrink the database file?",
            "does the follower lag behind?", "can transactions span column families?",
            "how do I limit memory usage?", "快照可以导出吗？", "迭代器会阻塞写入吗？", "备份需要停机吗？", "统计信息可以导出到 Prometheus 吗？",
            "压缩率大概多少？");

    private static KnowledgeItem faq(String file, String question, String answer) {
        return new KnowledgeItem(file + "#" + question.hashCode(), List.of(new Turn(question, answer, 1)), List.of(),
                null, new Source(file, "FAQ", null, null), Origin.FAQ);
    }

    /** The entries of app's sample knowledge (qabot-faq.md). */
    private static final KnowledgeIndex SAMPLE = KnowledgeIndex.build(List.of(
            faq("qabot-faq.md", "What is qabot?", "qabot answers repeated questions in developer-community group chats"
                    + " (DingTalk, Feishu, WeCom, Slack, Telegram, Discord, IRC) with the answers maintainers already wrote"
                    + " in their weekly Q&A digests and FAQ pages, and sends the questions it cannot answer to a maintainers'"
                    + " queue."),
            faq("qabot-faq.md", "How do I point qabot at my community's digests?", "Give the folders with"
                    + " `--knowledge PATH` (repeatable), list them under `knowledge:` in the YAML configuration, or set"
                    + " `QABOT_KNOWLEDGE=/path/one,/path/two`. Markdown weekly digests and `### Q：` FAQ pages are read."),
            faq("qabot-faq.md", "What happens to a question qabot cannot answer?", "It becomes an escalation in the"
                    + " maintainers' queue. When a maintainer answers it, the asker gets the answer in the chat where they"
                    + " asked, and qabot answers the next person who asks the same thing."),
            faq("qabot-faq.md", "How do I run qabot?", "`./qabot serve` starts the bot on 127.0.0.1:8080 with this sample"
                    + " knowledge; `./qabot serve --config qabot.yaml` uses your configuration. `./qabot ask \"your"
                    + " question\"` answers one question on the command line."),
            faq("qabot-faq.md", "qabot 支持哪些聊天平台？", "钉钉、飞书、企业微信、微信公众号、Slack、Discord、Telegram 和 IRC，"
                    + "另有一个通用的签名 webhook，任何系统都可以接入。"),
            faq("qabot-faq.md", "qabot 回答不了的问题会怎样？", "问题会进入维护者的待答队列；维护者回答后，答案会发回提问者所在的群和话题，"
                    + "下次有人问同样的问题时由 qabot 直接回答。")));

    /** A made-up project's first FAQ, English and Chinese. */
    private static final KnowledgeIndex PROJECT = KnowledgeIndex.build(List.of(
            faq("loomq.md", "How do I install Loomq on Ubuntu?", "Add our apt repository and run `apt install loomq`;"
                    + " the package starts the broker as a systemd service."),
            faq("loomq.md", "What port does the Loomq broker listen on?", "7420 by default; set `broker.port` to change it."),
            faq("loomq.md", "How do I enable TLS between producers and the broker?", "Set `tls.enabled=true` and give"
                    + " `tls.cert` and `tls.key`; producers need the CA in `tls.trust`."),
            faq("loomq.md", "Why are messages delivered twice after a consumer restarts?", "Delivery is at least once:"
                    + " a consumer that stops before committing its offset gets the uncommitted messages again."),
            faq("loomq.md", "Can Loomq run on Windows?", "Only inside WSL2; native Windows builds are not planned."),
            faq("loomq.md", "How do I change the message retention period?", "Set `retention.hours` (default 168)."),
            faq("loomq.md", "What is the maximum message size?", "1 MiB by default; raise `message.maxBytes` on the broker"
                    + " and the producer together."),
            faq("loomq-zh.md", "Loomq 支持延迟消息吗？", "支持，发送时设置 deliverAt 时间戳，精度一秒。"),
            faq("loomq-zh.md", "消费者组的分区怎么重新分配？", "执行 loomq-admin rebalance，指定消费者组名。"),
            faq("loomq-zh.md", "如何监控 broker 的消息堆积？", "broker 在 /metrics 暴露 Prometheus 指标 loomq_backlog。"),
            faq("loomq-zh.md", "broker 磁盘写满了怎么办？", "调小 retention.hours 或者扩容磁盘，broker 会自动恢复写入。"),
            faq("loomq-zh.md", "集群最少需要几个节点？", "三个节点，才能在一个节点故障时继续选主。")));

    /** A made-up project's FAQ of 24 entries, read as a user's folder is (test resource pebblekv-faq.md). */
    private static final KnowledgeIndex PEBBLE = KnowledgeIndex.build(new KnowledgeReader().read(List.of(resource("pebblekv-faq.md"))).items());

    private static Path resource(String name) {
        try {
            return Path.of(SmallKnowledgeTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void genericChatLinesAreNotAnsweredFromASmallFaq() {
        List<String> answered = new ArrayList<>();
        for (KnowledgeIndex index : List.of(SAMPLE, PROJECT)) {
            for (String line : GENERIC) {
                Match match = index.match(line);
                if (match.decision() == Decision.ANSWER) {
                    answered.add(line + " (" + match.confidence() + ": " + index.explain(line).decidedBy() + ")");
                }
            }
        }
        assertEquals(List.of(), answered);
    }

    /**
     * The model itself is not sure of a line of two or three words on a small FAQ, rather than a
     * rule stopping it by luck: "can I run it in production?" was 0.889 on the sample FAQ, stopped
     * only because "production" is not in it. A lead over no runner-up is no evidence where there
     * are few entries to lead ({@link Features#fieldShare}).
     */
    @Test
    void aChatLineOfTwoOrThreeWordsIsNeverSureOnASmallFaq() {
        List<String> sure = new ArrayList<>();
        sure(SAMPLE, FEW_WORDS, sure);
        sure(SAMPLE, IN_SAMPLE_WORDS, sure);
        sure(PROJECT, FEW_WORDS, sure);
        sure(PROJECT, IN_PROJECT_WORDS, sure);
        sure(PEBBLE, FEW_WORDS, sure);
        sure(PEBBLE, IN_PEBBLE_WORDS, sure);
        assertEquals(List.of(), sure);
    }

    @Test
    void heldOutChatLinesOfTwoOrThreeWordsAreNotSureEither() {
        List<String> sure = new ArrayList<>();
        for (KnowledgeIndex index : List.of(SAMPLE, PROJECT, PEBBLE)) {
            sure(index, FEW_WORDS_HELD_OUT, sure);
        }
        assertEquals(List.of(), sure);
    }

    /** Adds each line the model is sure of, or that is answered, with why. */
    private static void sure(KnowledgeIndex index, List<String> lines, List<String> sure) {
        for (String line : lines) {
            Explanation why = index.explain(line);
            if (why.modelConfidence() >= why.threshold() || why.match().decision() == Decision.ANSWER) {
                sure.add(line + " (model " + why.modelConfidence() + ", " + why.decidedBy() + ")");
            }
        }
    }

    @Test
    void theFaqsOwnQuestionsInOtherWordsAreAnswered() {
        assertAnswered(SAMPLE, "how to run qabot", "What is qabot?", "qabot 支持哪些平台",
                "how can qabot read my community's digests?", "how do I give qabot my community's digests?");
        assertAnswered(PROJECT, "how to install loomq on ubuntu", "which port does the loomq broker listen on",
                "can loomq run on windows?", "loomq 能发延迟消息吗", "消费者组分区如何重新分配", "怎么监控 broker 消息堆积",
                "broker 磁盘满了怎么办", "集群至少要几个节点？", "how do I turn on TLS between producers and the broker?",
                "why do consumers get messages twice after a restart?", "how to change the retention period of messages",
                "how can I install loomq on an ubuntu machine?", "does loomq support delayed messages?",
                "how to monitor message backlog in the broker");
        assertAnswered(PEBBLE, "what is pebblekv?", "which java versions are supported by pebblekv?",
                "how to open the database read-only?", "why does compaction need so much disk space?",
                "how can I take a consistent backup while writing?", "can two processes write the same database?",
                "how to tune the block cache?", "what does corrupted block checksum mean?",
                "how to set up replication to a follower?", "are pebblekv transactions serializable?",
                "how to iterate keys by prefix?", "how to delete a key range fast?", "why are reads slow after startup?",
                "does pebblekv support ttl for keys?", "how to migrate from rocksdb?", "pebblekv 写放大多大？", "怎么开启压缩？",
                "WAL 文件为啥一直增长？", "如何查看数据库统计信息？", "进程崩溃以后数据会不会丢？", "支持多列族吗？",
                "pebblekv 能在 android 上用吗？", "合并时 CPU 很高怎么办？", "why is compaction using so much disk?",
                "怎么开启 zstd 压缩？");
    }

    private static void assertAnswered(KnowledgeIndex index, String... questions) {
        List<String> notAnswered = new ArrayList<>();
        for (String question : questions) {
            if (index.match(question).decision() != Decision.ANSWER) {
                notAnswered.add(question + ": " + index.explain(question).decidedBy());
            }
        }
        assertEquals(List.of(), notAnswered);
    }
}
