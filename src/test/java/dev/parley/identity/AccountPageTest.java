package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff change the name others see and their password on their own account page. */
@QuarkusTest
class AccountPageTest {

    @Inject
    TestData data;

    @Test
    void staffRenameThemselvesFromTheirAccountPage() {
        String email = data.owner();
        Browser owner = new Browser();
        Page admin = owner.signIn(email, TestData.PASSWORD);
        Page account = owner.open(admin.one(".admin-nav a[href=/account]").attr("href"));
        assertEquals(email, account.text("#account-email"));
        String newName = TestData.unique("Ann Editor");

        Page renamed = owner.follow(owner.submit(account, "#nameform", Map.of("name", "  " + newName + " ")));

        assertEquals("Name changed. Your next replies and actions show it.", renamed.text(".notice"));
        assertEquals(newName, renamed.fieldValue("name"));
        assertEquals(newName, renamed.text(".site-header .who"));
        Page log = owner.open("/moderation/log?action=account");
        assertTrue(log.text("#log tbody tr .summary").endsWith(" to " + newName), log.text("#log tbody tr .summary"));
    }

    @Test
    void aModeratorFindsTheirAccountPageInTheModerationNavigationAndTheNameIsChecked() {
        Browser moderator = data.moderatorBrowser();
        Page queue = moderator.open("/moderation");
        Page account = moderator.open(queue.one(".mod-nav a[href=/account]").attr("href"));
        String tooLong = "N".repeat(101);

        Response blank = moderator.submit(account, "#nameform", Map.of("name", " "));
        Response longName = moderator.submit(account, "#nameform", Map.of("name", tooLong));

        assertEquals(400, blank.statusCode());
        assertEquals("Please enter a name.", Page.of("/account/name", blank).fieldError("name"));
        Page again = Page.of("/account/name", longName);
        assertEquals("The name can have at most 100 characters.", again.fieldError("name"));
        assertEquals(tooLong, again.fieldValue("name"), "what was typed stays in the field");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutTheOtherBrowsers() {
        String email = data.moderator();
        Browser here = new Browser();
        here.signIn(email, TestData.PASSWORD);
        Browser elsewhere = new Browser();
        elsewhere.signIn(email, TestData.PASSWORD);
        Page account = here.open("/account");
        String next = "a brand new passphrase";

        Page wrong = Page.of(
                "/account/password",
                here.submit(
                        account,
                        "#passwordform",
                        Map.of("currentPassword", "not my password", "newPassword", next, "newPasswordAgain", next)));
        Page shortAndDifferent = Page.of(
                "/account/password",
                here.submit(
                        account,
                        "#passwordform",
                        Map.of("currentPassword", TestData.PASSWORD, "newPassword", "short", "newPasswordAgain", "x")));
        Page mistyped = Page.of(
                "/account/password",
                here.submit(
                        account,
                        "#passwordform",
                        Map.of(
                                "currentPassword",
                                TestData.PASSWORD,
                                "newPassword",
                                next,
                                "newPasswordAgain",
                                next + "!")));

        assertEquals(400, wrong.status());
        assertEquals("This is not your current password.", wrong.fieldError("currentPassword"));
        assertEquals("", wrong.fieldValue("currentPassword"), "passwords are never sent back");
        assertEquals(
                "The password must have between 12 and 256 characters.", shortAndDifferent.fieldError("newPassword"));
        assertEquals("The two new passwords differ. Type the same one twice.", mistyped.fieldError("newPasswordAgain"));
        assertEquals(200, elsewhere.open("/moderation").status(), "nothing changed yet");

        Page changed = here.follow(here.submit(
                account,
                "#passwordform",
                Map.of("currentPassword", TestData.PASSWORD, "newPassword", next, "newPasswordAgain", next)));

        assertEquals(
                "Password changed. Every other browser signed in to this account was signed out.",
                changed.text(".notice"));
        assertEquals(200, here.open("/moderation").status(), "this browser stays signed in");
        assertEquals(303, elsewhere.open("/moderation").status(), "the other browser is signed out");
        assertEquals(200, new Browser().signIn(email, next).status(), "the new password signs in");
        Browser stranger = new Browser();
        Page old = Page.of(
                "/login",
                stranger.submit(
                        stranger.open("/login"), "#loginform", Map.of("email", email, "password", TestData.PASSWORD)));
        assertTrue(old.has("#loginform"), "the old password does not sign in");
        assertEquals(303, stranger.open("/moderation").status());
        assertTrue(here.open("/moderation/log?action=account")
                .text("#log tbody tr .summary")
                .startsWith("Changed the password of " + email + " and signed out its 1 other session"));
    }
}
