package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx for tests: the load balancer of {@code docker/compose.yaml}, with the very file {@code docker/nginx/parley.conf},
 * its two upstreams pointed at two instances on loopback and its port at a free one. Fails when nginx is not
 * installed ({@code .ci/run} installs Debian's nginx-light).
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;
    private Path accessLog;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Nginx inFrontOf(AppProcess first, AppProcess second, Path folder) throws IOException {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            fail("This test runs the deployment's nginx configuration and needs nginx (apt-get install nginx-light).");
        }
        String conf = Files.readString(Path.of(System.getProperty("parley.nginx.conf", "docker/nginx/parley.conf")));
        int port = Ports.free();
        assertTrue(conf.contains("parley-a:8080") && conf.contains("parley-b:8080") && conf.contains("listen 80;"));
        conf = conf.replace("parley-a:8080", "127.0.0.1:" + first.port())
                .replace("parley-b:8080", "127.0.0.1:" + second.port())
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        return start(conf, port, folder);
    }

    /**
     * nginx with one {@code server} block of a test's own, e.g. a host site that passes {@code /comments/} to
     * Parley. The block's {@code listen PORT;} is pointed at a free port on loopback.
     */
    public static Nginx serving(String server, Path folder) throws IOException {
        assertTrue(server.contains("listen PORT;"), server);
        int port = Ports.free();
        return start(server.replace("listen PORT;", "listen 127.0.0.1:" + port + ";"), port, folder);
    }

    private static Nginx start(String conf, int port, Path folder) throws IOException {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            fail("This test runs nginx (apt-get install nginx-light).");
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("parley.conf"), conf);
        Files.writeString(
                folder.resolve("nginx.conf"),
                "pid " + folder.resolve("nginx.pid") + ";\n"
                        + "error_log " + folder.resolve("error.log") + " warn;\n"
                        + "daemon off;\n"
                        + "events {}\n"
                        + "http {\n  access_log off;\n  include " + folder.resolve("parley.conf") + ";\n}\n");
        return start(binary, folder, port);
    }

    /**
     * A host site's web server: the files of {@code root}, served as they are at {@code http://localhost:port} for
     * each port given (the first is {@link #baseUri()}'s), with an access log ({@link #accessLog()}).
     */
    public static Nginx staticSite(Path root, Path folder, int... ports) throws IOException {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            fail("This test serves a host site with nginx (apt-get install nginx-light).");
        }
        Files.createDirectories(folder);
        StringBuilder servers = new StringBuilder();
        for (int port : ports) {
            servers.append("  server {\n    listen 127.0.0.1:")
                    .append(port)
                    .append(";\n    root ")
                    .append(root.toAbsolutePath())
                    .append(";\n  }\n");
        }
        Files.writeString(
                folder.resolve("nginx.conf"),
                "pid " + folder.resolve("nginx.pid") + ";\n"
                        + "error_log " + folder.resolve("error.log") + " warn;\n"
                        + "daemon off;\n"
                        + "events {}\n"
                        + "http {\n  types { text/html html; text/javascript js; text/css css; }\n"
                        + "  access_log " + folder.resolve("access.log") + ";\n"
                        + servers + "}\n");
        Nginx site = start(binary, folder, ports[0]);
        site.accessLog = folder.resolve("access.log");
        return site;
    }

    /** The lines of the access log so far (static sites only). */
    public List<String> accessLog() throws IOException {
        return Files.exists(accessLog) ? Files.readAllLines(accessLog) : List.of();
    }

    private static Nginx start(Path binary, Path folder, int port) throws IOException {
        List<String> check = List.of(
                binary.toString(),
                "-t",
                "-p",
                folder.toString(),
                "-c",
                folder.resolve("nginx.conf").toString());
        Process test = new ProcessBuilder(check).redirectErrorStream(true).start();
        String output = new String(test.getInputStream().readAllBytes());
        try {
            assertTrue(test.waitFor(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertEquals(0, test.exitValue(), output);
        Process nginx = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        folder.toString(),
                        "-c",
                        folder.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("stdout.log").toFile())
                .start();
        Nginx balancer = new Nginx(nginx, port);
        try {
            balancer.awaitListening();
        } catch (RuntimeException | AssertionError e) {
            nginx.destroyForcibly();
            throw e;
        }
        return balancer;
    }

    public int port() {
        return port;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    assertTrue(process.isAlive(), "nginx stopped");
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
