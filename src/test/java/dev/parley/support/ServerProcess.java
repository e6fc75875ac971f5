package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A web server the tests run from its Debian binary, on a free loopback port, with its output in a log file
 * beside its configuration. Missing binaries fail the test: {@code .ci/run} installs them.
 */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static void require(Path binary, String installHint) {
        if (!Files.isExecutable(binary)) {
            fail("This test runs " + binary + ": " + installHint + " (.ci/run installs it).");
        }
    }

    /** Fails the test when a file the server loads (an Apache module) is missing. */
    static void requireFile(Path file, String installHint) {
        if (!Files.isRegularFile(file)) {
            fail("This test needs " + file + ": " + installHint + " (.ci/run installs it).");
        }
    }

    /** Runs a configuration check ({@code nginx -t}, {@code apache2 -t}) and fails with its words if it refuses. */
    static void check(List<String> command) {
        try {
            Process test = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(test.getInputStream().readAllBytes());
            assertTrue(test.waitFor(60, TimeUnit.SECONDS), () -> command + " did not finish");
            assertEquals(0, test.exitValue(), () -> command + " refused the configuration:\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server in the foreground and waits until it accepts connections on {@code port}. */
    static ServerProcess start(String name, List<String> command, Path folder, int port) {
        Path log = folder.resolve(name + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerProcess server = new ServerProcess(name, process, port, log);
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        assertTrue(process.isAlive(), () -> name + " stopped:\n" + server.log());
                        return server.accepts();
                    });
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
