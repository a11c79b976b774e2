package io.qabot.core;

import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Puts the id of the message being handled into the SLF4J MDC as {@code msg}
 * ({@code platform/messageId}), so every log line about a message can be found with one grep,
 * and carries the MDC across the hop onto the bot's executor, where the stages run.
 */
final class MessageContext implements AutoCloseable {
    static final String KEY = "msg";

    private final String previous;

    private MessageContext(String previous) {
        this.previous = previous;
    }

    /** Sets the message's id on this thread until {@link #close()}, which puts back what was there. */
    static MessageContext enter(ChatMessage message) {
        MessageContext context = new MessageContext(MDC.get(KEY));
        MDC.put(KEY, message.platform().wireName() + "/" + message.messageId());
        return context;
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }

    /**
     * Runs each task with the MDC its submitter had. Callbacks a connector chained onto the
     * message's future before it completed run inside the task too, and carry the id; one chained
     * later runs on the connector's own thread, which sets its own context if it logs.
     */
    static final class Carrying implements Executor {
        private final Executor executor;

        Carrying(Executor executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable task) {
            Map<String, String> submitter = MDC.getCopyOfContextMap();
            executor.execute(() -> {
                Map<String, String> own = MDC.getCopyOfContextMap();
                if (submitter == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(submitter);
                }
                try {
                    task.run();
                } finally {
                    if (own == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(own);
                    }
                }
            });
        }
    }
}
