package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.mail.MailSettings;
import dev.parley.mail.MailToken;
import dev.parley.support.Browser;
import dev.parley.support.Mailbox;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import dev.parley.web.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** "Forgot password?" on the sign-in page: a reset link by mail, the same answer for every address. */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a fresh passphrase after reset";

    @Inject
    TestData data;

    @Inject
    MailSettings mail;

    private static Page ask(Browser browser, String email) {
        Page login = browser.open("/login");
        Page forgot = browser.open(login.one("#forgot-link").attr("href"));
        return Page.of("/password/forgot", browser.submit(forgot, "#forgotform", Map.of("email", email)));
    }

    @Test
    void existingAndUnknownAddressesGetTheSameAnswerAndOnlyTheAccountGetsAMail() {
        String email = data.moderator();
        String unknown = TestData.unique("nobody") + "@parley.test";

        Page known = ask(new Browser(), email);
        Page notKnown = ask(new Browser(), unknown);

        assertEquals(200, known.status());
        assertEquals(known.status(), notKnown.status());
        assertEquals(
                known.html().select("main").text(),
                notKnown.html().select("main").text(),
                "byte-identical words");
        assertEquals(
                "If an account exists for that address, we've sent a link to reset its password. It works for 1 hour.",
                known.text("#reset-answer"));
        Mailbox.Received reset = Mailbox.await(email, "Reset your password");
        assertEquals("Reset your password on " + mail.siteName(), reset.subject());
        assertEquals(mail.siteName(), reset.fromName());
        assertTrue(Mailbox.to(unknown).isEmpty());
    }

    @Test
    void theLinkSetsANewPasswordSignsOutOtherBrowsersAndWorksOnce() {
        String email = data.moderator();
        Browser elsewhere = new Browser();
        elsewhere.signIn(email, TestData.PASSWORD);
        ask(new Browser(), email);
        String link = Mailbox.await(email, "Reset your password").link("Choose a new password");

        Browser me = new Browser();
        Page form = me.open(Browser.pathOf(link));
        assertEquals(200, form.status());
        Response raw = me.getRaw(Browser.pathOf(link));
        assertEquals(java.util.List.of("no-referrer"), raw.headers().getValues("Referrer-Policy"));
        assertTrue(raw.header("Cache-Control").contains("no-store"));
        assertEquals(200, elsewhere.open("/moderation").status(), "opening the link changes nothing");
        Page mistyped = Page.of(
                link,
                me.submit(
                        form, "#resetform", Map.of("newPassword", NEW_PASSWORD, "newPasswordAgain", "something else")));
        assertEquals(400, mistyped.status());
        assertEquals("The two passwords differ. Type the same one twice.", mistyped.fieldError("newPasswordAgain"));

        // What a browser sends with a form of a page that has "Referrer-Policy: no-referrer".
        me.withHeader("Origin", "null").withHeader("Sec-Fetch-Site", "same-origin");
        Response done =
                me.submit(form, "#resetform", Map.of("newPassword", NEW_PASSWORD, "newPasswordAgain", NEW_PASSWORD));

        assertEquals(303, done.statusCode());
        assertEquals(200, me.open("/moderation").status(), "signed in after the reset");
        assertEquals(303, elsewhere.open("/moderation").status(), "the other browser is signed out");
        assertEquals(200, new Browser().signIn(email, NEW_PASSWORD).status(), "the new password signs in");
        Browser stranger = new Browser();
        Page old = Page.of(
                "/login",
                stranger.submit(
                        stranger.open("/login"), "#loginform", Map.of("email", email, "password", TestData.PASSWORD)));
        assertTrue(old.has("#loginform"), "the old password no longer signs in");

        Page reused = new Browser().open(Browser.pathOf(link));
        assertEquals(410, reused.status());
        assertEquals("This link has already been used. Each link works once.", reused.text("#refusal"));
        assertEquals("/password/forgot", reused.one("a[href=/password/forgot]").attr("href"));
        Browser again = new Browser();
        Response postedAgain = again.post(
                Browser.pathOf(link),
                Map.of("newPassword", "yet another passphrase", "newPasswordAgain", "yet another passphrase"));
        assertTrue(postedAgain.statusCode() >= 400 && postedAgain.statusCode() < 500);
        assertEquals(200, new Browser().signIn(email, NEW_PASSWORD).status(), "a refused link changed nothing");
    }

    @Test
    void aTamperedOrExpiredLinkIsRefused() {
        String email = data.moderator();
        ask(new Browser(), email);
        String link = Mailbox.await(email, "Reset your password").link("Choose a new password");
        String path = Browser.pathOf(link);
        String token = path.substring(path.lastIndexOf('/') + 1);
        String tampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");

        Page changed = new Browser().open(tampered);
        assertEquals(404, changed.status());
        assertEquals(
                "This link is not valid. It may have been changed or cut short when it was copied.",
                changed.text("#refusal"));

        QuarkusTransaction.requiringNew()
                .run(() -> MailToken.update(
                        "expiresAt = ?1 where tokenHash = ?2", Instant.now().minusSeconds(1), Tokens.sha256(token)));
        Page expired = new Browser().open(path);
        assertEquals(410, expired.status());
        assertEquals("This link has expired.", expired.text("#refusal"));
    }

    @Test
    void theFourthRequestForOneAddressInAnHourSendsNoMailButGetsTheSameAnswer() {
        String email = data.moderator();
        Page first = ask(new Browser(), email);
        for (int i = 0; i < 3; i++) {
            Page next = ask(new Browser(), email);
            assertEquals(200, next.status());
            assertEquals(
                    first.html().select("main").text(),
                    next.html().select("main").text());
        }
        Awaitility.await().until(() -> Mailbox.to(email).size() >= 3);
        // A fifth mail would have been queued with the fourth: give the sender the time it took for the others.
        String marker = data.moderator();
        ask(new Browser(), marker);
        Mailbox.await(marker, "Reset your password");
        assertEquals(3, Mailbox.to(email).size());
    }

    @Test
    void anAddressWithALineBreakOrAThousandCharactersIsRefusedNextToTheField() {
        data.moderator(); // the site has an owner, so /login is the sign-in page
        Page injected = ask(new Browser(), "a@example.org\r\nBcc: victim@example.org");
        Page huge = ask(new Browser(), "a".repeat(988) + "@example.org");

        assertEquals(400, injected.status());
        assertFalse(injected.fieldError("email").isEmpty());
        assertEquals(400, huge.status());
        assertEquals("The email address can have at most 100 characters.", huge.fieldError("email"));
        assertEquals("a".repeat(988) + "@example.org", huge.fieldValue("email"));
    }
}
