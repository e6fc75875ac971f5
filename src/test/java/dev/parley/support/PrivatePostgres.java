package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, on a free loopback port), from the
 * binaries of the machine's PostgreSQL, so that a test can stop and start it under load without touching
 * the server other tests use. As root, the server runs as the {@code postgres} user, as PostgreSQL requires.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;

    private PrivatePostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** Creates the cluster and starts it; fails the test when PostgreSQL's programs are not installed. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path folder = Files.createTempDirectory(
                Path.of("/tmp"),
                "parley-pg",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        PrivatePostgres server = new PrivatePostgres(bin, folder, Ports.free());
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", folder.toString()));
        }
        server.runAsServerUser(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                folder.resolve("data").toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8"));
        server.startServer();
        try {
            server.runAsServerUser(List.of(
                    bin.resolve("createdb").toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(server.port),
                    "-U",
                    "postgres",
                    "parley"));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/parley";
    }

    /** Starts the (stopped) server again on the same port and data. */
    public void startServer() throws IOException, InterruptedException {
        runAsServerUser(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                folder.resolve("data").toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + folder + " -c fsync=on",
                "-l",
                folder.resolve("server.log").toString(),
                "-w",
                "start"));
    }

    /** Stops the server the way an administrator restarting it does (fast: sessions are disconnected). */
    public void stopServer() throws IOException, InterruptedException {
        runAsServerUser(List.of(
                bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        } catch (AssertionError alreadyStopped) {
            // Stopped by the test itself.
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    private void runAsServerUser(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> found = Files.list(versions)) {
                var newest = found.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.naturalOrder());
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        fail("This test needs PostgreSQL's server programs (initdb, pg_ctl), as installed by Debian's postgresql"
                + " package under /usr/lib/postgresql/<version>/bin.");
        return null;
    }
}
