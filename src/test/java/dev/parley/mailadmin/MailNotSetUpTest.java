package dev.parley.mailadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without mail set up, the owner is told what is missing and what needs mail, and no test mail is queued. */
@QuarkusTest
@TestProfile(MailNotSetUpTest.NoMail.class)
class MailNotSetUpTest {

    /** No SMTP server, no sender address, no public address: as a fresh install. */
    public static class NoMail implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.mail.host", "", "parley.mail.from", "", "parley.mail.public-url", "");
        }
    }

    @Inject
    TestData data;

    @Test
    void theOwnerIsToldWhichVariablesAreMissingAndWhatDoesNotWork() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);

        Page admin = owner.open("/admin");
        assertTrue(admin.text("#mail-not-set-up").startsWith("Mail is not set up"), admin.text("#mail-not-set-up"));

        Page page = owner.open(admin.one("#mail-not-set-up a").attr("href"));
        assertEquals(200, page.status());
        assertEquals(
                List.of("PARLEY_MAIL_HOST", "PARLEY_MAIL_FROM", "PARLEY_PUBLIC_URL"), page.texts("#mail-missing li"));
        assertTrue(page.text("#mail-status").contains("Forgot password"), page.text("#mail-status"));
        assertTrue(page.one("#testmailform button[type=submit]").hasAttr("disabled"));

        Page refused = Page.of(
                "/admin/mail/test",
                owner.submit(page, "#testmailform", Map.of("to", TestData.unique("nomail") + "@example.org")));
        assertEquals(400, refused.status());
        assertTrue(refused.text("#error-summary").contains("Mail is not set up, so no test mail can be sent."));
        assertTrue(refused.shows("No mail yet.")
                || refused.html().select(".mail-row").stream()
                        .noneMatch(r -> r.text().contains("nomail")));
    }
}
