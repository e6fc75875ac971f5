package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache with mod_include and the README's recipe {@code docker/embed/apache-ssi.conf}, in a server
 * configuration of its own (own ServerRoot under the test's folder, Debian's modules). Only the port, the
 * pages' folder and Parley's address are changed.
 */
public final class ApacheSsi implements AutoCloseable {

    public static final Path RECIPE = Path.of("docker", "embed", "apache-ssi.conf");
    private static final Path BINARY = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    private final ServerProcess server;

    private ApacheSsi(ServerProcess server) {
        this.server = server;
    }

    /**
     * @param parley Parley's host and port ({@code 127.0.0.1:8080}), running under {@code /comments}
     */
    public static ApacheSsi start(Path folder, Path pages, String parley) {
        ServerProcess.require(BINARY, "apt-get install apache2-bin");
        ServerProcess.requireFile(MODULES.resolve("mod_include.so"), "apt-get install apache2-bin (mod_include)");
        try {
            String recipe = Files.readString(RECIPE);
            assertEquals(2, recipe.split("\"/var/www/html\"", -1).length - 1, "DocumentRoot and its <Directory>");
            assertTrue(recipe.contains("\"http://127.0.0.1:8080/comments/\""));
            int port = Ports.free();
            Path root = folder.toAbsolutePath();
            Files.createDirectories(root);
            StringBuilder conf = new StringBuilder()
                    .append("ServerRoot \"")
                    .append(root)
                    .append("\"\n")
                    .append("PidFile \"")
                    .append(root.resolve("apache.pid"))
                    .append("\"\n")
                    .append("ErrorLog \"")
                    .append(root.resolve("error.log"))
                    .append("\"\n")
                    .append("LogLevel warn\n")
                    .append("Listen 127.0.0.1:")
                    .append(port)
                    .append('\n')
                    .append("ServerName 127.0.0.1\n");
            for (String module :
                    List.of("mpm_event", "authz_core", "mime", "include", "headers", "proxy", "proxy_http", "filter")) {
                conf.append("LoadModule ")
                        .append(module)
                        .append("_module ")
                        .append(MODULES.resolve("mod_" + module + ".so"))
                        .append('\n');
            }
            if ("root".equals(System.getProperty("user.name"))) {
                // Apache started as root serves as an unprivileged user; Debian has "daemon" everywhere.
                conf.append("User daemon\nGroup daemon\n");
            }
            conf.append("TypesConfig /dev/null\nAddType text/html .html\n")
                    .append(recipe.replace("\"/var/www/html\"", "\"" + pages.toAbsolutePath() + "\"")
                            .replace("http://127.0.0.1:8080/comments/", "http://" + parley + "/comments/"));
            Path file = root.resolve("apache.conf");
            Files.writeString(file, conf);
            ServerProcess.check(List.of(BINARY.toString(), "-t", "-f", file.toString()));
            return new ApacheSsi(ServerProcess.start(
                    "apache", List.of(BINARY.toString(), "-f", file.toString(), "-DFOREGROUND"), folder, port));
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
