package dev.parley.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, as a
 * site owner would start it, so that tests can stop, kill and restart it on the same data folder.
 */
public final class AppProcess implements AutoCloseable {

    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private final List<Path> logs = new ArrayList<>();
    private Process process;

    public AppProcess(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.port = Ports.free();
        this.managementPort = Ports.free();
    }

    /** The environment that creates the site owner {@link #OWNER_EMAIL} at the first start. */
    public static final String OWNER_EMAIL = "owner@example.org";

    public static final String OWNER_PASSWORD = "one site, several instances";

    public static Map<String, String> withOwner(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("PARLEY_ADMIN_EMAIL", OWNER_EMAIL);
        all.put("PARLEY_ADMIN_PASSWORD", OWNER_PASSWORD);
        return all;
    }

    /**
     * A site with its owner behind a trusted proxy (loopback), so that each test guest can have an address of
     * its own ({@code X-Forwarded-For}) as readers do.
     */
    public static Map<String, String> ownerBehindProxy(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(withOwner(environment));
        all.put("PARLEY_BEHIND_PROXY", "true");
        return all;
    }

    /** Health and metrics: the management port. */
    public String managementUri() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int port() {
        return port;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the application and waits until it serves pages. */
    public AppProcess start() {
        launch();
        return awaitServing();
    }

    /** Starts the process without waiting: several instances can then start at the same moment. */
    public AppProcess launch() {
        String jar = System.getProperty("parley.app.jar", "target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(Path.of(jar)), "package the application first: " + jar);
        try {
            Path log = Files.createTempFile("parley-app", ".log");
            logs.add(log);
            // Started from the data folder's parent with a relative PARLEY_DATA_DIR, as "./data" would be.
            ProcessBuilder builder = new ProcessBuilder(
                            javaExecutable(),
                            "-jar",
                            Path.of(jar).toAbsolutePath().toString())
                    .directory(dataDir.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("QUARKUS_"));
            builder.environment().put("PARLEY_DATA_DIR", dataDir.getFileName().toString());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("PARLEY_MANAGEMENT_PORT", String.valueOf(managementPort));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the launched process serves pages. */
    public AppProcess awaitServing() {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !process.isAlive() || serves());
        assertTrue(process.isAlive(), () -> "the application stopped during start-up:\n" + log());
        return this;
    }

    /** The log of the latest start. */
    public String log() {
        try {
            return Files.readString(logs.get(logs.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the process the hard way (SIGKILL), as a crash or an out-of-memory kill would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    /** Sends SIGTERM and returns at once, while the application shuts down. */
    public void signalStop() {
        process.destroy();
    }

    /** Waits until the process has ended on its own. */
    public void awaitEnd(Duration atMost) throws InterruptedException {
        assertTrue(process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS), "the application did not stop");
    }

    /** The exit status of a process that has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /**
     * The lines of every start's plain-text log at ERROR or WARN level, but for the warning every single
     * instance gives on purpose (it generated its keys).
     */
    public List<String> problemsInLog() {
        List<String> problems = new ArrayList<>();
        for (Path file : logs) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains(" ERROR ") || (line.contains(" WARN ") && !isExpectedWarning(line))) {
                        problems.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }

    /** A warning every single-instance start gives on purpose: it generated its keys. */
    private static boolean isExpectedWarning(String line) {
        return line.contains("Generated Parley's keys into");
    }

    /** Asks the process to stop (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private boolean serves() {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(baseUri() + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertNotNull(java);
        return java.toString();
    }
}
