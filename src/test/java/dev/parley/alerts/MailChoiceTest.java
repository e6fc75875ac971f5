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

    @Test
    void staffSignedInWithAProviderGetTheMailAtTheProvidersAddressAndDecideAsThemselves() {
        Browser staff = new Browser();
        String name = TestData.unique("Provider mod");
        data.signInReader(staff, name, true);
        Page account = staff.open("/account");
        String address = account.text("#alerts-address");
        assertTrue(account.one("#alerts-each").hasAttr("checked"));
        try {
            dev.parley.article.Article article = data.article(TestData.unique("Provider staff"));
            String gus = TestData.unique("Gus");
            Browser guest = new Browser();
            guest.submit(
                    guest.open("/articles/" + article.slug),
                    "#commentform",
                    Map.of("comment", "Held for the provider moderator", "author", gus, "email", "gus@example.org"));
            dev.parley.support.Mailbox.Received mail =
                    dev.parley.support.Mailbox.await(address, "Please moderate: “" + article.title + "”");
            Browser anyone = new Browser();
            Page confirm = anyone.open(mail.link("Spam"));
            assertEquals("Mark as spam", confirm.text("#decisionform button"));
            Page done = Page.of("done", anyone.submit(confirm, "#decisionform", Map.of()));
            assertTrue(done.text("#decision-done").startsWith("Marked as spam: the comment by " + gus));
            long id = data.latestCommentBy(gus).id;
            Page log = data.moderatorBrowser().open("/moderation/log?comment=" + id);
            assertTrue(log.text("#log tbody tr").contains(name), log.text("#log"));
        } finally {
            Page saved = staff.follow(staff.submit(staff.open("/account"), "#alertsform", Map.of("alerts", "none")));
            assertEquals("Mail choice saved.", saved.text(".notice"));
            assertTrue(saved.one("#alerts-none").hasAttr("checked"));
        }
    }
}
