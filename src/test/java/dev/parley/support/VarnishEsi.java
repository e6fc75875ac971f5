package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Varnish with the README's recipe {@code docker/embed/varnish-esi.vcl} in front of a host site's pages (served
 * by a plain static file server, the "web server" of the recipe) and Parley. Only the two backends' ports
 * change. Varnish gets a working folder of its own ({@code -n}) and runs in the foreground.
 */
public final class VarnishEsi implements AutoCloseable {

    public static final Path RECIPE = Path.of("docker", "embed", "varnish-esi.vcl");
    private static final Path BINARY = Path.of("/usr/sbin/varnishd");

    private final ServerProcess varnish;
    private final HttpServer pagesServer;
    private final int port;

    private VarnishEsi(ServerProcess varnish, HttpServer pagesServer, int port) {
        this.varnish = varnish;
        this.pagesServer = pagesServer;
        this.port = port;
    }

    /** Reserves the port first: the pages' ESI tags name their own address, which includes it. */
    public static int reservePort() {
        return Ports.free();
    }

    /**
     * @param parleyPort Parley's port on 127.0.0.1, running under {@code /comments}
     */
    public static VarnishEsi start(Path folder, Path pages, int port, int parleyPort) {
        ServerProcess.require(BINARY, "apt-get install varnish");
        HttpServer pagesServer = staticFiles(pages);
        try {
            String recipe = Files.readString(RECIPE);
            assertTrue(recipe.contains(".port = \"8081\";") && recipe.contains(".port = \"8080\";"));
            Path root = folder.toAbsolutePath();
            Files.createDirectories(root);
            Path vcl = root.resolve("site.vcl");
            Files.writeString(
                    vcl,
                    recipe.replace(
                                    ".port = \"8081\";",
                                    ".port = \"" + pagesServer.getAddress().getPort() + "\";")
                            .replace(".port = \"8080\";", ".port = \"" + parleyPort + "\";"));
            ServerProcess varnish = ServerProcess.start(
                    "varnish",
                    List.of(
                            BINARY.toString(),
                            "-F",
                            "-j",
                            "none",
                            "-n",
                            root.resolve("work").toString(),
                            "-a",
                            "127.0.0.1:" + port,
                            "-T",
                            "127.0.0.1:" + Ports.free(),
                            "-f",
                            vcl.toString(),
                            "-s",
                            "malloc,64m"),
                    root,
                    port);
            return new VarnishEsi(varnish, pagesServer, port);
        } catch (IOException e) {
            pagesServer.stop(0);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            pagesServer.stop(0);
            throw e;
        }
    }

    /** The host site's origin, {@code http://127.0.0.1:port}. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The files of {@code pages}, as any web server would serve them (HTML as text/html). */
    private static HttpServer staticFiles(Path pages) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Path root = pages.toAbsolutePath().normalize();
            server.createContext("/", exchange -> {
                String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
                Path file = root.resolve(path.substring(1)).normalize();
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.getResponseHeaders()
                        .set(
                                "Content-Type",
                                file.toString().endsWith(".html")
                                        ? "text/html; charset=utf-8"
                                        : "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        varnish.close();
        pagesServer.stop(0);
    }
}
