package dev.parley.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail set-up as the owner's mail page shows it: what the environment gave, never the password itself.
 * The SMTP values are read from Quarkus' mailer configuration, which application.properties fills from the
 * {@code PARLEY_MAIL_*} variables, so the page shows what the sender really uses.
 */
@ApplicationScoped
@Named("mailSetup")
public class MailSetup {

    @Inject
    MailSettings settings;

    @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25")
    int port;

    @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false")
    boolean tls;

    @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL")
    String startTls;

    @ConfigProperty(name = "quarkus.mailer.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.mailer.password")
    Optional<String> password;

    /**
     * What the page shows.
     *
     * @param tlsMode the PARLEY_MAIL_TLS value in effect: starttls, tls or none
     * @param user the SMTP user, or null without one
     * @param passwordSet whether a password is set (its value is never shown)
     * @param senderOn whether this instance delivers mail (PARLEY_MAIL_SENDER)
     * @param perAddressPerHour mails to one reader's address in an hour, at most
     */
    public record Summary(
            boolean configured,
            java.util.List<String> missing,
            String host,
            int port,
            String tlsMode,
            String user,
            boolean passwordSet,
            String from,
            String siteName,
            String publicUrl,
            boolean senderOn,
            int perAddressPerHour) {}

    public Summary summary() {
        return new Summary(
                settings.configured(),
                settings.missing(),
                settings.host().map(String::strip).orElse(""),
                port,
                tlsMode(),
                user.map(String::strip).filter(u -> !u.isEmpty()).orElse(null),
                password.filter(p -> !p.isEmpty()).isPresent(),
                settings.from().map(String::strip).orElse(""),
                settings.siteName(),
                settings.publicUrl().map(String::strip).orElse(""),
                senderOn(),
                settings.perAddressPerHour());
    }

    /** Whether mail is set up (templates: {@code inject:mailSetup.configured}, for the admin home's line). */
    public boolean configured() {
        return settings.configured();
    }

    /** Whether this instance delivers the outbox ({@code PARLEY_MAIL_SENDER=on}, the default). */
    public boolean senderOn() {
        return "on".equalsIgnoreCase(settings.sender().strip());
    }

    private String tlsMode() {
        if (tls) {
            return "tls";
        }
        return "REQUIRED".equals(startTls.strip().toUpperCase(Locale.ROOT)) ? "starttls" : "none";
    }
}
