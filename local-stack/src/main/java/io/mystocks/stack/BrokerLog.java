package io.mystocks.stack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Sends the in-process broker's log lines to {@code logs/kafka.log}, so that the console shows the
 * launcher's own lines; the broker logs at ERROR what its clients did wrong, which would read there as
 * a failure of the stack.
 */
final class BrokerLog {
    private static final String APPENDER = "kafka-file";
    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private BrokerLog() {
    }

    static void redirectTo(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        for (String name : KAFKA_LOGGERS) {
            Logger logger = context.getLogger(name);
            var previous = logger.getAppender(APPENDER);
            if (previous != null) {
                logger.detachAppender(previous);
                previous.stop();
            }
            logger.addAppender(appender);
            logger.setAdditive(false);
        }
    }
}
