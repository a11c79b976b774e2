package io.qabot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Records every log event of this JVM at DEBUG while open, and renders them the two ways the
 * shipped {@code logback.xml} can: its text pattern (read from that file, so the test checks the
 * real one) and the JSON encoder with its stack traces.
 */
final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level level = root.getLevel();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the MDC and message are read lazily: capture them on the logging thread, as a console appender would
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    private final Map<Logger, Level> overridden = new HashMap<>();
    private final List<Appender<ILoggingEvent>> quieted = new ArrayList<>();

    /** At DEBUG, with the levels the shipped logback.xml sets for particular loggers (they keep secrets out). */
    LogCapture() throws Exception {
        events.setContext(context);
        events.start();
        // the test's own console appender would print every DEBUG line into the build log
        root.iteratorForAppenders().forEachRemaining(quieted::add);
        quieted.forEach(root::detachAppender);
        root.addAppender(events);
        root.setLevel(Level.DEBUG);
        Matcher logger = Pattern.compile("<logger name=\"([^\"]+)\" level=\"([A-Z]+)\"/>").matcher(productionConfig());
        while (logger.find()) {
            Logger named = context.getLogger(logger.group(1));
            overridden.put(named, named.getLevel());
            named.setLevel(Level.toLevel(logger.group(2)));
        }
    }

    List<ILoggingEvent> events() {
        return List.copyOf(events.list);
    }

    /** Every event as the production text pattern writes it. */
    String text() throws Exception {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(productionPattern());
        encoder.start();
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : events()) {
            out.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Every event as the production JSON encoder writes it, arguments and stack traces included. */
    String json() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithArguments(true);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : events()) {
            out.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String productionPattern() throws Exception {
        Matcher pattern = Pattern.compile("<pattern>(.*?)</pattern>").matcher(productionConfig());
        if (!pattern.find()) {
            throw new IllegalStateException("logback.xml has no <pattern>");
        }
        return pattern.group(1);
    }

    private static String productionConfig() throws Exception {
        try (InputStream in = LogCapture.class.getResourceAsStream("/logback.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        root.detachAppender(events);
        quieted.forEach(root::addAppender);
        root.setLevel(level);
        overridden.forEach(Logger::setLevel);
    }
}
