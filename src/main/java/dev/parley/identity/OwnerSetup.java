package dev.parley.identity;

import dev.parley.web.Hmac;
import dev.parley.web.Routes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure a new site gets an owner without any default password: from {@code PARLEY_ADMIN_EMAIL} and
 * {@code PARLEY_ADMIN_PASSWORD} at the first start, or else through the one-time set-up page, guarded by
 * a code printed in the log (as Jenkins and WordPress's installer do).
 */
@ApplicationScoped
public class OwnerSetup {

    private static final Logger LOG = Logger.getLogger(OwnerSetup.class);
    // No 0/O or 1/I/L: the code is read from a log and typed by hand.
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    @Inject
    AccountService accounts;

    @Inject
    OwnerBootstrapConfig bootstrap;

    @ConfigProperty(name = "parley.session-key")
    String sessionKey;

    private volatile String setupCode;

    void onStart(@Observes StartupEvent event) {
        if (accounts.ownerExists()) {
            return;
        }
        if (bootstrap.email().isPresent() || bootstrap.password().isPresent()) {
            if (createOwnerFromEnvironment()) {
                return;
            }
        }
        setupCode = sharedCode();
        LOG.warnf(
                "Parley has no site owner yet. Open %s in a browser and enter this set-up code: %s"
                        + " (or set PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD before starting).",
                Routes.admin(), setupCode);
    }

    private boolean createOwnerFromEnvironment() {
        String email = bootstrap.email().orElse("");
        String password = bootstrap.password().orElse("");
        String problem = OwnerFields.problemWith(email, password);
        if (problem != null) {
            LOG.errorf("PARLEY_ADMIN_EMAIL/PARLEY_ADMIN_PASSWORD were not used: %s", problem);
            return false;
        }
        String name = email.substring(0, email.indexOf('@'));
        // Several instances starting together on a new database: the first creates the owner, the others
        // find it (createFirstOwner is serialised in the database).
        accounts.createFirstOwner(email, name, password)
                .ifPresent(
                        owner -> LOG.infof("Created the site owner account %s from PARLEY_ADMIN_EMAIL.", owner.email));
        return true;
    }

    /** Whether the set-up page is open: no owner yet. */
    public boolean setupOpen() {
        return setupCode != null && !accounts.ownerExists();
    }

    public boolean codeMatches(String typed) {
        String expected = setupCode;
        if (expected == null || typed == null) {
            return false;
        }
        String normalized = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(
                normalized.getBytes(StandardCharsets.UTF_8),
                expected.replace("-", "").getBytes(StandardCharsets.UTF_8));
    }

    /** Called once the owner exists: the code is never accepted again. */
    void close() {
        setupCode = null;
    }

    /**
     * The same code on every instance that shares the session key, so that behind a load balancer the code
     * read from any instance's log is accepted by whichever instance the set-up form reaches.
     */
    private String sharedCode() {
        String digest = Hmac.sign(sessionKey, "parley-owner-setup-code");
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            int value = Integer.parseInt(digest.substring(i * 2, i * 2 + 2), 16);
            code.append(CODE_ALPHABET.charAt(value % CODE_ALPHABET.length()));
        }
        return code.toString();
    }
}
