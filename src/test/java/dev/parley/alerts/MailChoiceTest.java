package dev.parley.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.identity.AccountRole;
import dev.parley.identity.MailAlerts;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each staff member chooses on their account page which mail they get about comments that wait. */
@QuarkusTest
class MailChoiceTest {

    @Inject
    TestData data;

    @Test
    void aModeratorSwitchesToAnHourlyDigestAndSeesItSaved() {
        String email = data.staffWithAlerts(AccountRole.MODERATOR, MailAlerts.EACH);
        try {
            Browser moderator = new Browser();
            moderator.signIn(email, TestData.PASSWORD);
            Page account = moderator.open("/account");
            assertEquals("Send me", account.text("#alertsform legend"));
            assertTrue(account.one("#alerts-each").hasAttr("checked"), "a mail for each comment is the default");
            assertFalse(account.has("#alerts-no-mail"), "mail is set up in the tests");

            Page saved = moderator.follow(moderator.submit(account, "#alertsform", Map.of("alerts", "hourly")));

            assertEquals("Mail choice saved.", saved.text(".notice"));
            assertTrue(saved.one("#alerts-hourly").hasAttr("checked"));
            assertFalse(saved.one("#alerts-each").hasAttr("checked"));
            assertTrue(moderator
                    .open("/moderation/log?action=account")
                    .text("#log tbody tr .summary")
                    .startsWith("Changed the moderation mail of " + email + " to: an hourly digest"));
        } finally {
            data.mailAlerts(email, MailAlerts.NONE);
        }
    }

    @Test
    void anUnknownChoiceComesBackWithItsMessage() {
        String email = data.moderator();
        Browser moderator = new Browser();
        moderator.signIn(email, TestData.PASSWORD);
        Page account = moderator.open("/account");

        Response bad = moderator.submit(account, "#alertsform", Map.of("alerts", "weekly\r\nBcc: x@example.org"));
        Response none = moderator.submit(account, "#alertsform", Map.of("alerts", ""));

        assertEquals(400, bad.statusCode());
        Page again = Page.of("/account/alerts", bad);
        assertEquals("Choose how Parley tells you about comments that wait for you.", again.text("#alerts-error"));
        assertEquals("alerts-error", again.one("#alertsform fieldset").attr("aria-describedby"));
        assertEquals(400, none.statusCode());
        assertTrue(moderator.open("/account").one("#alerts-none").hasAttr("checked"), "nothing changed");
    }
}
