package dev.parley.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for every Quarkus test: Parley delivers its outbox to it over SMTP, and tests
 * read what arrived with {@link Mailbox}. Registered for all tests (not restricted), so mail is set up in the
 * test application as an owner would set it up.
 */
@QuarkusTestResource(TestSmtp.class)
public class TestSmtp implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "comments@parley.test";

    private static volatile GreenMail server;
    private GreenMail started;

    /** The running server; tests fail clearly when it is not running. */
    public static GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("The test SMTP server is not running");
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        int port = Ports.free();
        started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
        // The links in mails must reach this test application: it listens on a port chosen here (instead of
        // the random port 0 of application.properties), which the public address names.
        int httpPort = Ports.free();
        return Map.of(
                "quarkus.http.test-port",
                String.valueOf(httpPort),
                "parley.mail.host",
                "127.0.0.1",
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(port),
                "quarkus.mailer.tls",
                "false",
                "quarkus.mailer.start-tls",
                "DISABLED",
                "parley.mail.from",
                FROM,
                "quarkus.mailer.from",
                FROM,
                "parley.mail.public-url",
                "http://localhost:" + httpPort);
    }

    @Override
    public void stop() {
        if (started != null) {
            started.stop();
            if (server == started) {
                server = null;
            }
        }
    }
}
