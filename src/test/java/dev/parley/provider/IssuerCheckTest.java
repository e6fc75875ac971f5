package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issuer check against a small local server that plays the provider: no Quarkus, no network. */
class IssuerCheckTest {

    private HttpServer server;
    private String base;
    private volatile String document;

    @BeforeEach
    void startProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/news/.well-known/openid-configuration", exchange -> {
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    @Test
    void anIssuerWhoseDiscoveryDocumentNamesItIsAccepted() {
        String issuer = base + "/realms/news";
        document = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\"}";

        assertEquals(Optional.empty(), new IssuerCheck().problemWith(issuer));
    }

    @Test
    void aDocumentNamingAnotherIssuerSaysWhichToEnter() {
        String issuer = base + "/realms/news";
        document = "{\"issuer\":\"https://sso.example.org/realms/news\",\"authorization_endpoint\":\"x\"}";

        assertEquals(
                Optional.of("The provider names its issuer https://sso.example.org/realms/news, not " + issuer
                        + ". Enter exactly https://sso.example.org/realms/news."),
                new IssuerCheck().problemWith(issuer));
    }

    @Test
    void somethingThatIsNotADiscoveryDocumentIsRefused() {
        String issuer = base + "/realms/news";
        document = "<html>Welcome</html>";

        assertEquals(
                Optional.of(issuer + "/.well-known/openid-configuration answered, but not with an OpenID Connect"
                        + " configuration."),
                new IssuerCheck().problemWith(issuer));
    }
}
