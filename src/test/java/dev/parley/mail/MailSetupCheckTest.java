package dev.parley.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mistyped mail variable stops the start with a sentence that names it, before any mail goes nowhere. */
class MailSetupCheckTest {

    private static MailSettings settings(String tls, String publicUrl, String from) {
        return new MailSettings() {
            public Optional<String> host() {
                return Optional.of("smtp.example.org");
            }

            public Optional<String> from() {
                return Optional.ofNullable(from);
            }

            public Optional<String> publicUrl() {
                return Optional.ofNullable(publicUrl);
            }

            public String tls() {
                return tls;
            }

            public String siteName() {
                return "Parley";
            }

            public Duration sendEvery() {
                return Duration.ofSeconds(5);
            }

            public Duration claimFor() {
                return Duration.ofMinutes(2);
            }

            public String sender() {
                return "on";
            }

            public int maxAttempts() {
                return 8;
            }

            public int perAddressPerHour() {
                return 10;
            }
        };
    }

    @Test
    void theThreeModesAndWellWrittenAddressesPass() {
        for (String mode : new String[] {"starttls", "tls", "none"}) {
            assertEquals(
                    Optional.empty(),
                    MailSetupCheck.problem(
                            settings(mode, "https://blog.example.org/comments", "comments@blog.example.org")));
        }
        assertEquals(Optional.empty(), MailSetupCheck.problem(settings("starttls", null, null)), "mail not set up");
    }

    @Test
    void aMistakeNamesTheVariableAndWhatToWrite() {
        assertEquals(
                "PARLEY_MAIL_TLS=ssl is not a TLS mode: use starttls (usually port 587), tls (port 465) or none"
                        + " (a relay on the same machine or network only)",
                MailSetupCheck.problem(settings("ssl", null, null)).orElseThrow());
        assertTrue(MailSetupCheck.problem(settings("STARTTLS", null, null))
                .orElseThrow()
                .startsWith("PARLEY_MAIL_TLS=STARTTLS is not a TLS mode"));
        assertTrue(MailSetupCheck.problem(settings("starttls", "comments.example.org", null))
                .orElseThrow()
                .startsWith("PARLEY_PUBLIC_URL=comments.example.org is not a web address"));
        assertTrue(MailSetupCheck.problem(settings("starttls", null, "Blog <comments@blog.example.org>"))
                .orElseThrow()
                .startsWith("PARLEY_MAIL_FROM=Blog <comments@blog.example.org> is not one email address"));
    }
}
