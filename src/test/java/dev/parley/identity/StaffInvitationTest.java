package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.mail.MailSettings;
import dev.parley.support.Browser;
import dev.parley.support.Mailbox;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner invites a moderator by mail; the invitee chooses their own password through a one-time link. */
@QuarkusTest
class StaffInvitationTest {

    private static final String PASSWORD = "my own chosen passphrase";

    @Inject
    TestData data;

    @Inject
    MailSettings mail;

    private Browser owner() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        return owner;
    }

    private static Page invite(Browser owner, String name, String email) {
        Page accounts = owner.open("/admin/accounts");
        return owner.follow(owner.submit(accounts, "#inviteform", Map.of("inviteName", name, "inviteEmail", email)));
    }

    @Test
    void anInvitedModeratorChoosesTheirPasswordJoinsOnceAndIsListedAsJoined() {
        Browser owner = owner();
        String email = TestData.unique("invitee") + "@parley.test";
        String name = TestData.unique("Ivy");

        Page listed = invite(owner, name, email);

        assertEquals("Invitation sent. The link in it works once, for 7 days.", listed.text(".notice"));
        assertTrue(rowOf(listed, email).text().contains("Invited, not yet joined"));
        Mailbox.Received invitation = Mailbox.await(email, "You're invited to moderate comments on");
        assertEquals("You're invited to moderate comments on " + mail.siteName(), invitation.subject());
        assertEquals(mail.siteName(), invitation.fromName());
        String link = invitation.link("Choose your password");
        assertTrue(invitation.text().contains(link), "the plain text part has the link too");
        assertTrue(owner.open("/moderation/log?action=account")
                .text("#log tbody tr .summary")
                .contains("Invited " + email));

        Browser stranger = new Browser();
        Page beforeJoining = Page.of(
                "/login",
                stranger.submit(stranger.open("/login"), "#loginform", Map.of("email", email, "password", PASSWORD)));
        assertTrue(beforeJoining.has("#loginform"), "an invited account cannot sign in before joining");

        Browser invitee = new Browser();
        Page form = invitee.open(Browser.pathOf(link));
        assertEquals(200, form.status());
        assertEquals(email, form.text("#invitee-email"));
        Response opened = invitee.getRaw(Browser.pathOf(link));
        assertEquals(java.util.List.of("no-referrer"), opened.headers().getValues("Referrer-Policy"));
        assertTrue(opened.header("Cache-Control").contains("no-store"));
        assertEquals(
                "new-password", form.one("#newPassword").attr("autocomplete"), "password managers offer a new one");

        Page shortOne = Page.of(
                link,
                invitee.submit(form, "#invitationform", Map.of("newPassword", "short", "newPasswordAgain", "short")));
        Page different = Page.of(
                link,
                invitee.submit(
                        form, "#invitationform", Map.of("newPassword", PASSWORD, "newPasswordAgain", PASSWORD + "!")));
        assertEquals(400, shortOne.status());
        assertEquals("The password must have between 12 and 256 characters.", shortOne.fieldError("newPassword"));
        assertEquals(400, different.status());
        assertEquals("The two passwords differ. Type the same one twice.", different.fieldError("newPasswordAgain"));

        Response joined =
                invitee.submit(form, "#invitationform", Map.of("newPassword", PASSWORD, "newPasswordAgain", PASSWORD));

        assertEquals(303, joined.statusCode());
        assertEquals("/moderation", Browser.pathOf(joined.header("Location")));
        assertEquals(200, invitee.open("/moderation").status(), "signed in as the new moderator");
        assertFalse(rowOf(owner.open("/admin/accounts"), email).text().contains("Invited"));
        assertEquals(200, new Browser().signIn(email, PASSWORD).status(), "the chosen password signs in");

        Page again = new Browser().open(Browser.pathOf(link));
        assertEquals(410, again.status());
        assertEquals("This link has already been used. Each link works once.", again.text("#refusal"));
    }

    @Test
    void sendingTheInvitationAgainMakesTheOldLinkStopWorking() {
        Browser owner = owner();
        String email = TestData.unique("reinvited") + "@parley.test";
        Page listed = invite(owner, TestData.unique("Rex"), email);
        String first = Mailbox.await(email, "invited").link("Choose your password");

        Page resent =
                owner.follow(owner.submit(listed, "#" + rowOf(listed, email).id() + " form.resend", Map.of()));

        assertEquals("A new invitation was sent. The link in the earlier one no longer works.", resent.text(".notice"));
        org.awaitility.Awaitility.await().until(() -> Mailbox.to(email).size() == 2);
        String second = Mailbox.to(email).get(1).link("Choose your password");
        assertNotEquals(first, second);
        Browser invitee = new Browser();
        Page old = invitee.open(Browser.pathOf(first));
        assertEquals(410, old.status());
        assertEquals("This link has expired.", old.text("#refusal"));
        Page form = invitee.open(Browser.pathOf(second));
        invitee.follow(
                invitee.submit(form, "#invitationform", Map.of("newPassword", PASSWORD, "newPasswordAgain", PASSWORD)));
        assertEquals(200, invitee.open("/moderation").status());
    }

    @Test
    void anAddressAlreadyTakenOrWithALineBreakIsRefusedNextToTheField() {
        Browser owner = owner();
        String taken = data.moderator();
        Page accounts = owner.open("/admin/accounts");

        Page duplicate = Page.of(
                "/admin/accounts/invite",
                owner.submit(accounts, "#inviteform", Map.of("inviteName", "Someone", "inviteEmail", taken)));
        Page injected = Page.of(
                "/admin/accounts/invite",
                owner.submit(
                        accounts,
                        "#inviteform",
                        Map.of("inviteName", "Someone", "inviteEmail", "a@example.org\r\nBcc: b@example.org")));
        Page tooLong = Page.of(
                "/admin/accounts/invite",
                owner.submit(
                        accounts,
                        "#inviteform",
                        Map.of("inviteName", "Someone", "inviteEmail", "a".repeat(990) + "@example.org")));

        assertEquals(400, duplicate.status());
        assertEquals("An account with this email address exists already.", duplicate.fieldError("inviteEmail"));
        assertEquals("Someone", duplicate.fieldValue("inviteName"), "what was typed stays");
        assertEquals(400, injected.status());
        assertFalse(injected.fieldError("inviteEmail").isEmpty());
        assertEquals(400, tooLong.status());
        assertEquals("The email address can have at most 100 characters.", tooLong.fieldError("inviteEmail"));
    }

    @Test
    void aMadeUpInvitationLinkIsRefused() {
        Page refused = new Browser().open("/invitation/" + "x".repeat(43));
        assertEquals(404, refused.status());
        assertEquals(
                "This link is not valid. It may have been changed or cut short when it was copied.",
                refused.text("#refusal"));
    }

    private static org.jsoup.nodes.Element rowOf(Page accounts, String email) {
        return accounts.html().select("tr.account-row").stream()
                .filter(r -> r.text().contains(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + email));
    }
}
