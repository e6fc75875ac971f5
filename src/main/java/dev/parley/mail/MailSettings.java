package dev.parley.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail set-up, from the environment only ({@code PARLEY_MAIL_*}, {@code PARLEY_PUBLIC_URL},
 * {@code PARLEY_SITE_NAME}): the SMTP password is never in the repository, the database or a page. The SMTP
 * connection itself is Quarkus' mailer, configured from the same variables in application.properties.
 */
@ConfigMapping(prefix = "parley.mail")
public interface MailSettings {

    /** The SMTP server; without it Parley sends no mail and says so where mail would be expected. */
    Optional<String> host();

    /** The sender address, e.g. comments@blog.example. */
    Optional<String> from();

    /** The address Parley is reached at by readers, e.g. https://comments.blog.example: links in mails. */
    Optional<String> publicUrl();

    /** PARLEY_MAIL_TLS as written: starttls, tls or none (checked at start by {@link MailSetupCheck}). */
    @WithDefault("starttls")
    String tls();

    /** The name mails come from (the host site's name for its threads). */
    @WithDefault("Parley")
    String siteName();

    /** How often the sender looks for due mails (it is also woken after each commit that queued one). */
    @WithDefault("5s")
    Duration sendEvery();

    /** How long a claimed mail is left to one sender before another may try it (a crashed instance). */
    @WithDefault("2m")
    Duration claimFor();

    /** "off": this instance only queues mail, and another instance (or a later start) delivers it. */
    @WithDefault("on")
    String sender();

    /** Delivery attempts before a mail is given up as failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Mails to one reader address per hour; more are recorded as not sent (no mail-bombing through Parley). */
    @WithDefault("10")
    int perAddressPerHour();

    default boolean configured() {
        return missing().isEmpty();
    }

    /** The environment variables still needed for mail, in the words the admin page shows. */
    default List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (host().filter(h -> !h.isBlank()).isEmpty()) {
            missing.add("PARLEY_MAIL_HOST");
        }
        if (from().filter(f -> !f.isBlank()).isEmpty()) {
            missing.add("PARLEY_MAIL_FROM");
        }
        if (publicUrl().filter(u -> !u.isBlank()).isEmpty()) {
            missing.add("PARLEY_PUBLIC_URL");
        }
        return missing;
    }
}
