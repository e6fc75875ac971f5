package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * nginx with the README's recipe {@code docker/embed/nginx-ssi.conf}, serving a host site's pages with
 * server-side includes and passing {@code /comments/} to Parley. Only the port, the pages' folder and
 * Parley's address are changed.
 */
public final class NginxSsi implements AutoCloseable {

    public static final Path RECIPE = Path.of("docker", "embed", "nginx-ssi.conf");
    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final ServerProcess server;

    private NginxSsi(ServerProcess server) {
        this.server = server;
    }

    /**
     * @param parley Parley's host and port ({@code 127.0.0.1:8080}), running under {@code /comments}
     */
    public static NginxSsi start(Path folder, Path pages, String parley) {
        ServerProcess.require(BINARY, "apt-get install nginx-light");
        try {
            String recipe = Files.readString(RECIPE);
            assertTrue(recipe.contains("listen 80;")
                    && recipe.contains("root /usr/share/nginx/html;")
                    && recipe.contains("http://parley:8080;"));
            int port = Ports.free();
            Files.createDirectories(folder);
            Files.writeString(
                    folder.resolve("site.conf"),
                    recipe.replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                            .replace("root /usr/share/nginx/html;", "root " + pages.toAbsolutePath() + ";")
                            .replace("http://parley:8080;", "http://" + parley + ";"));
            Path conf = folder.resolve("nginx.conf");
            Files.writeString(
                    conf,
                    "pid " + folder.toAbsolutePath().resolve("nginx.pid") + ";\n"
                            + "error_log " + folder.toAbsolutePath().resolve("error.log") + " warn;\n"
                            + "daemon off;\n"
                            + "events {}\n"
                            + "http {\n"
                            + "  access_log off;\n"
                            + "  types { text/html html; text/css css; }\n"
                            + "  default_type application/octet-stream;\n"
                            + "  include " + folder.toAbsolutePath().resolve("site.conf") + ";\n"
                            + "}\n");
            String prefix = folder.toAbsolutePath().toString();
            String confPath = conf.toAbsolutePath().toString();
            ServerProcess.check(List.of(BINARY.toString(), "-t", "-p", prefix, "-c", confPath));
            return new NginxSsi(ServerProcess.start(
                    "nginx", List.of(BINARY.toString(), "-p", prefix, "-c", confPath), folder, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host site's origin, {@code http://127.0.0.1:port}. */
    public String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
