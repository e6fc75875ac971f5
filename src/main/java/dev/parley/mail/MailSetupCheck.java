package dev.parley.mail;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the mail variables when Parley starts, so that a mistyped one stops it with a sentence naming the
 * variable, instead of mail that silently goes nowhere (or a reader's post failing later): the TLS mode, the
 * public address the links are made from, and the sender address.
 */
@Startup
@ApplicationScoped
public class MailSetupCheck {

    static final Set<String> TLS_MODES = Set.of("starttls", "tls", "none");

    MailSetupCheck(MailSettings settings) {
        problem(settings).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** What is wrong with the mail variables, in the words the start-up error shows; empty when nothing is. */
    static Optional<String> problem(MailSettings settings) {
        String tls = settings.tls();
        if (!TLS_MODES.contains(tls)) {
            return Optional.of("PARLEY_MAIL_TLS=" + MailHeaders.safe(tls, 40) + " is not a TLS mode: use starttls"
                    + " (usually port 587), tls (port 465) or none (a relay on the same machine or network only)");
        }
        Optional<String> publicUrl = settings.publicUrl().map(String::strip).filter(u -> !u.isEmpty());
        if (publicUrl.isPresent() && !PublicLinks.isWebAddress(publicUrl.get())) {
            return Optional.of(
                    "PARLEY_PUBLIC_URL=" + MailHeaders.safe(publicUrl.get(), 200)
                            + " is not a web address: write it as readers reach Parley, e.g. https://blog.example.org/comments");
        }
        Optional<String> from = settings.from().map(String::strip).filter(f -> !f.isEmpty());
        if (from.isPresent() && !dev.parley.web.EmailAddress.isValid(from.get())) {
            return Optional.of("PARLEY_MAIL_FROM=" + MailHeaders.safe(from.get(), 200)
                    + " is not one email address: write the sender address alone, e.g. comments@blog.example.org"
                    + " (the name mails come from is PARLEY_SITE_NAME)");
        }
        return Optional.empty();
    }
}
