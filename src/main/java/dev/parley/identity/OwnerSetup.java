package dev.parley.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccountService accounts;

    @Inject
    OwnerBootstrapConfig bootstrap;

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
        setupCode = newCode();
        LOG.warnf(
                "Parley has no site owner yet. Open /admin in a browser and enter this set-up code: %s"
                        + " (or set PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD before starting).",
                setupCode);
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

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
