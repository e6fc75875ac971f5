package dev.parley.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the application under test (in this JVM) logs at WARN or above while it is open: a test can check that
 * a request left one short line, or none, and never a stack trace.
 */
public final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture() {}

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture.handler);
        return capture;
    }

    /** The captured lines, each as "LEVEL logger: message" with " + stack trace" when one came with it. */
    public List<String> lines() {
        return records.stream()
                .map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + message(record)
                        + (record.getThrown() != null ? " + stack trace of " + record.getThrown() : ""))
                .toList();
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    private static String message(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (parameters == null || parameters.length == 0 || message == null) {
            return message;
        }
        try {
            return String.format(message, parameters);
        } catch (RuntimeException notPrintfStyle) {
            return java.text.MessageFormat.format(message, parameters);
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
