package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.KeycloakResource;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Readers sign in with a real Keycloak that the owner added in /admin, from the reply form and back to it.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class SignInWithKeycloakTest {

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @Test
    void ownerAddsKeycloakAndAReaderSignsInKeepsTheDraftPostsAndLogsOut() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page editor = owner.open("/admin/providers/new?kind=KEYCLOAK");
        assertTrue(editor.text(".how-to").contains("confidential OpenID Connect client"));
        Page saved = owner.follow(owner.submit(
                editor,
                "#providerform",
                Map.of(
                        "displayName",
                        "Keycloak",
                        "buttonLabel",
                        "Log in with Keycloak",
                        "issuerUrl",
                        KeycloakResource.issuer(),
                        "clientId",
                        KeycloakResource.CLIENT_ID,
                        "clientSecret",
                        KeycloakResource.clientSecret(),
                        "enabled",
                        "yes")));
        assertEquals("Provider saved. It applies from the next sign-in.", saved.text(".notice"));
        String callback = saved.text("#callback-url");
        long providerId = Long.parseLong(callback.replaceAll(".*/auth/(\\d+)/callback$", "$1"));
        assertTrue(callback.matches("http://localhost:\\d+/auth/" + providerId + "/callback"), callback);
        assertEquals("", saved.fieldValue("clientSecret"), "the secret is never shown again");
        assertFalse(saved.html().outerHtml().contains(KeycloakResource.clientSecret()));

        Article article = data.article("Signed in");
        Comment parent = data.comment(article, null, "Ada", "Who is there?", CommentStatus.APPROVED);
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug + "?replytocom=" + parent.id);
        Element button = form.one("#commentform button[formaction=/auth/" + providerId + "/start]");
        assertEquals("Log in with Keycloak", button.selectFirst(".label").text());

        // The reader has begun a reply, then chooses to sign in: the form goes to the provider's start.
        Page login = reader.followAll(reader.submitTo(
                form,
                "#commentform",
                button.attr("formaction"),
                Map.of("comment", "Typed before signing in", "slug", article.slug)));
        assertTrue(login.has("#kc-form-login"), () -> "expected Keycloak's login page:\n" + login.html());
        Page back = reader.followAll(reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword())));

        assertEquals("You are commenting using your Keycloak account as Rita Reader.", back.text(".logged-in-as span"));
        assertEquals("Typed before signing in", back.fieldValue("comment"), "the draft is back");
        assertTrue(back.has("#comment-" + parent.id + " #commentform"), "still replying to Ada");
        assertFalse(back.has("#author"), "no guest fields once signed in");

        Page posted = reader.follow(reader.submit(back, "#commentform", Map.of("comment", "Hello from Rita")));
        Comment mine = data.onlyCommentOn(article, "Rita Reader");
        assertEquals("rita@example.org", mine.authorEmail);
        assertEquals(CommentStatus.PENDING, mine.status);
        assertTrue(posted.has("#comment-" + parent.id + " > ol.children > #comment-" + mine.id));
        assertEquals(
                "Your comment is awaiting moderation.",
                posted.text("#comment-" + mine.id + " .comment-awaiting-moderation"));

        Page loggedOut = reader.followAll(reader.submitTo(
                posted, "#commentform", "/logout", Map.of("next", "/articles/" + article.slug + "#respond")));
        assertEquals("Signed in", loggedOut.text("h1.post-title"), "back on the article, via Keycloak's logout");
        assertFalse(loggedOut.has(".logged-in-as"));
        assertTrue(loggedOut.has("#commentform button[formaction=/auth/" + providerId + "/start]"));
        Page again = reader.followAll(reader.submitTo(
                loggedOut, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", article.slug)));
        assertTrue(again.has("#kc-form-login"), "Log Out ended the Keycloak session too: a password is needed again");
    }

    @Test
    void changeSignsOutOfParleyOnlyAndOffersTheProvidersAgain() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Changing Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Change");
        Browser reader = new Browser();
        Page signedIn = signIn(reader, article, providerId, "rita", KeycloakResource.readerPassword());

        Response change = reader.submitTo(
                signedIn,
                "#commentform",
                "/logout?keep-provider=true",
                Map.of("next", "/articles/" + article.slug + "#sign-in"));
        assertEquals("/articles/" + article.slug, Browser.pathOf(change.header("Location")));
        Page choices = reader.follow(change);
        assertTrue(choices.has("#sign-in button"), "the providers are offered again");
        assertFalse(choices.has(".logged-in-as"));

        Page silent = reader.followAll(reader.submitTo(
                choices, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", article.slug)));
        assertTrue(silent.has(".logged-in-as"), "the Keycloak session was kept: no password asked");
    }

    @Test
    void switchingAProviderOffRemovesItsButtonAndSignsItsReadersOut() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Staff Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Switched off");
        Browser reader = new Browser();
        Page signedIn = signIn(reader, article, providerId, "rita", KeycloakResource.readerPassword());
        assertTrue(signedIn.has(".logged-in-as"));

        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page list = owner.follow(owner.submit(
                owner.open("/admin/providers"), "#provider-" + providerId + " form[action$=/disable]", Map.of()));
        assertEquals("Provider switched off: its button is gone and its readers are signed out.", list.text(".notice"));

        Page after = reader.open("/articles/" + article.slug);
        assertFalse(after.has(".logged-in-as"), "signed out at the next request");
        assertFalse(after.has("button[formaction=/auth/" + providerId + "/start]"));
        assertTrue(after.has("#author"), "a guest again");
        assertEquals(404, reader.open("/auth/" + providerId + "/login").status());
    }

    @Test
    void publishDirectlyLetsSignedInReadersSkipTheQueue() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Trusted Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                true);
        Article article = data.article("Trusted");
        Browser staff = new Browser();
        Page form = signIn(staff, article, providerId, "sam", KeycloakResource.staffPassword());
        Page posted = staff.follow(staff.submit(form, "#commentform", Map.of("comment", "Published at once")));
        Comment comment = data.onlyCommentOn(article, "Sam Staff");
        assertEquals(CommentStatus.APPROVED, comment.status);
        assertTrue(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id));
        assertFalse(posted.has("#comment-" + comment.id + " .comment-awaiting-moderation"));
    }

    @Test
    void unknownProvidersAreNotFoundAndNeverContacted() {
        Browser reader = new Browser();
        Page article = reader.open("/articles/hello-world");
        assertEquals(404, reader.open("/auth/987654/login").status());
        Response start = reader.submitTo(article, "#commentform", "/auth/987654/start", Map.of("slug", "hello-world"));
        assertEquals(404, start.statusCode());
    }

    @Test
    void aWrongClientSecretEndsOnAFriendlyPageAndKeepsTheDraft() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Broken Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                "not-the-secret",
                null,
                false);
        Article article = data.article("Wrong secret");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        Page login = reader.followAll(reader.submitTo(
                form,
                "#commentform",
                "/auth/" + providerId + "/start",
                Map.of("comment", "Words to keep", "slug", article.slug)));
        Page outcome = reader.followAll(reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword())));

        assertEquals("Signing in with Broken Keycloak did not work", outcome.text("h1"), outcome.html()::toString);
        Page back = reader.open(outcome.one("a.button").attr("href"));
        assertEquals("Words to keep", back.fieldValue("comment"));
        assertFalse(back.has(".logged-in-as"));
    }

    @Test
    void aReaderWhoDeniesConsentLandsOnAFriendlyPageWithTheProvidersWord() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Asking Keycloak",
                KeycloakResource.issuer(),
                "parley-consent",
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Consent");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        Page login = reader.followAll(reader.submitTo(
                form,
                "#commentform",
                "/auth/" + providerId + "/start",
                Map.of("comment", "Kept despite the refusal", "slug", article.slug)));
        Page consent = reader.followAll(reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword())));
        org.jsoup.nodes.Element refuse = consent.one("form [name=cancel]");
        Page outcome = reader.followAll(reader.submitTo(
                consent,
                "form:has([name=cancel])",
                consent.one("form:has([name=cancel])").attr("action"),
                Map.of(refuse.attr("name"), refuse.val())));

        assertEquals("Signing in with Asking Keycloak did not work", outcome.text("h1"), outcome.html()::toString);
        assertEquals(
                "You chose not to let Asking Keycloak tell this site who you are, so you were not signed in.",
                outcome.text(".reason"));
        assertFalse(outcome.has(".provider-error"), "the OAuth code is a detail for the site owner only");
        assertEquals(
                "Kept despite the refusal",
                reader.open(outcome.one("a.button").attr("href")).fieldValue("comment"));
    }

    @Test
    void aForeignReturnAddressIsNeverFollowed() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Returning Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Foreign return");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        Response start = reader.submitTo(
                form, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", "https://evil.example/"));
        reader.setCookie(SignInResource.RETURN_COOKIE, "//evil.example/steal");
        Page login = reader.followAll(start);
        Response back = reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword()));
        Page landed = reader.followAll(back);
        assertEquals("Latest articles", landed.text("h1"), "a foreign return address leads home instead");
    }

    @Test
    void theProvidersOwnSessionCookieOpensNothingElse() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Cookie Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Replayed cookie");
        Browser sam = new Browser();
        Page form = sam.open("/articles/" + article.slug);
        Page login = sam.followAll(
                sam.submitTo(form, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", article.slug)));
        Response toCallback = sam.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "sam", "password", KeycloakResource.staffPassword()));
        sam.open(toCallback.header("Location"));
        String oidcCookie = sam.cookieNames().stream()
                .filter(n -> n.startsWith("q_session"))
                .findFirst()
                .orElseThrow();
        String value = sam.cookie(oidcCookie);

        for (String page : List.of("/moderation", "/admin", "/admin/providers")) {
            Response replayed = io.restassured.RestAssured.given()
                    .redirects()
                    .follow(false)
                    .cookie(oidcCookie, value)
                    .get(page);
            assertEquals(303, replayed.statusCode(), page);
            assertTrue(replayed.header("Location").contains("/login"), page + " treats it as anonymous");
        }
    }

    @Test
    void aForgedTestTicketCannotUseASwitchedOffProvider() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Hidden Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        providers.setEnabled(providerId, false);
        Browser visitor = new Browser();
        visitor.setCookie(SignInResource.TEST_COOKIE, String.valueOf(providerId));
        assertEquals(404, visitor.open("/auth/" + providerId + "/login").status());
        visitor.setCookie(SignInResource.TEST_COOKIE, providerId + ".99999999999.forged");
        assertEquals(404, visitor.open("/auth/" + providerId + "/login").status());
    }

    @Test
    void aSignInLinkFromElsewhereStartsNothing() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Linked Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Page answer = new Browser().open("/auth/" + providerId + "/login");
        assertEquals(303, answer.status());
        assertEquals("/", Browser.pathOf(answer.location()), "no sign-in without Parley's own form first");
    }

    @Test
    void anUnreachableIssuerEndsOnAFriendlyPage() {
        long providerId = providers.add(
                ProviderKind.OIDC, "Gone Provider", "http://127.0.0.1:9/realms/gone", "parley", "secret", null, false);
        Article article = data.article("Unreachable");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        Page outcome = reader.followAll(reader.submitTo(
                form,
                "#commentform",
                "/auth/" + providerId + "/start",
                Map.of("comment", "Still mine", "slug", article.slug)));
        assertEquals("Signing in with Gone Provider did not work", outcome.text("h1"), outcome.html()::toString);
        assertEquals(
                "Still mine", reader.open(outcome.one("a.button").attr("href")).fieldValue("comment"));
    }

    @Test
    void aTamperedOrReplayedCallbackIsRefused() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Checked Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Tampered");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        Page login = reader.followAll(
                reader.submitTo(form, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", article.slug)));
        Response toCallback = reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword()));
        String callback = toCallback.header("Location");
        assertTrue(callback.contains("/auth/" + providerId + "/callback?"), callback);

        Page tampered = new Browser()
                .followAll(io.restassured.RestAssured.given()
                        .redirects()
                        .follow(false)
                        .get(callback.replaceAll("state=[^&]+", "state=forged")));
        assertEquals("Signing in with Checked Keycloak did not work", tampered.text("h1"));

        Page first = reader.followAll(io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookies(cookiesOf(reader))
                .get(callback));
        assertTrue(first.has(".logged-in-as"), "the real answer signs the reader in");
        Browser replay = new Browser();
        Page replayed = replay.followAll(
                io.restassured.RestAssured.given().redirects().follow(false).get(callback));
        assertEquals("Signing in with Checked Keycloak did not work", replayed.text("h1"));
        assertFalse(replay.open("/articles/" + article.slug).has(".logged-in-as"));
    }

    @Test
    void providerClaimsGrantNoRoleUnlessTheOwnerOptsIn() {
        long plain = providers.add(
                ProviderKind.KEYCLOAK,
                "Plain Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        long mapped = providers.add(
                ProviderKind.KEYCLOAK,
                "Staff Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false,
                "parley-staff");
        Article article = data.article("Roles");

        Browser viaPlain = new Browser();
        signIn(viaPlain, article, plain, "sam", KeycloakResource.staffPassword());
        assertEquals(403, viaPlain.open("/moderation").status(), "Keycloak's realm role alone grants nothing");

        Browser viaMapped = new Browser();
        signIn(viaMapped, article, mapped, "sam", KeycloakResource.staffPassword());
        assertEquals(200, viaMapped.open("/moderation").status(), "the owner mapped parley-staff to moderator");
        assertEquals(403, viaMapped.open("/admin").status());

        Browser rita = new Browser();
        signIn(rita, article, mapped, "rita", KeycloakResource.readerPassword());
        assertEquals(403, rita.open("/moderation").status(), "rita has no parley-staff role");

        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        owner.submit(owner.open("/admin/providers/" + mapped), "#providerform", Map.of("moderatorClaim", ""));
        assertEquals(403, viaMapped.open("/moderation").status(), "dropping the rule takes the role back at once");
    }

    @Test
    void theOwnerGrantsAndTakesBackARoleForSomeoneWhoSignedIn() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Granting Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Granted");
        Browser rita = new Browser();
        signIn(rita, article, providerId, "rita", KeycloakResource.readerPassword());
        assertEquals(403, rita.open("/moderation").status());

        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page accounts = owner.open("/admin/accounts");
        String row = accounts.html().select(".reader-row").stream()
                .filter(r -> r.text().contains("rita@example.org"))
                .findFirst()
                .orElseThrow()
                .id();
        Page granted = owner.follow(owner.submit(accounts, "#" + row + " form", Map.of("role", "MODERATOR")));
        assertEquals("Role changed. It applies at their next page.", granted.text(".notice"));
        assertEquals("Moderator", granted.text("#" + row + " .role"));

        Page queue = rita.open("/moderation");
        assertEquals(200, queue.status(), "at her next page, Rita moderates");
        assertTrue(queue.text(".site-nav").contains("Moderation"));

        owner.submit(owner.open("/admin/accounts"), "#" + row + " form", Map.of("role", "NONE"));
        assertEquals(403, rita.open("/moderation").status());
    }

    @Test
    void theOwnerTestsAProviderWhileItIsStillSwitchedOff() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page saved = owner.follow(owner.submit(
                owner.open("/admin/providers/new?kind=KEYCLOAK"),
                "#providerform",
                Map.of(
                        "displayName",
                        "Trial Keycloak",
                        "issuerUrl",
                        KeycloakResource.issuer(),
                        "clientId",
                        KeycloakResource.CLIENT_ID,
                        "clientSecret",
                        KeycloakResource.clientSecret())));
        assertFalse(
                new Browser().open("/articles/hello-world").text("#commentform").contains("Trial Keycloak"),
                "switched off: no button for readers");

        Page login = owner.followAll(owner.submit(saved, "#testform", Map.of()));
        Page report = owner.followAll(owner.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword())));

        assertEquals("Trial Keycloak works", report.text("h1"), report.html()::toString);
        assertEquals(KeycloakResource.issuer(), report.text(".test-result .issuer"));
        assertEquals("Rita Reader", report.text(".test-result .name"));
        assertEquals("rita@example.org", report.text(".test-result .email"));
        assertEquals(
                "yes: mail to it needs no confirmation",
                report.text(".test-result .email-verified"),
                "Keycloak's email_verified claim is read");
        assertFalse(report.text(".test-result .subject").isBlank());
        assertEquals(200, owner.open("/admin").status(), "the owner is still the owner: a test signs nobody in");
    }

    @Test
    void aButtonWithAnIdentityProviderHintGoesStraightToTheBrokeredProvider() {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Social",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                "social",
                false);
        Article article = data.article("Brokered");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        Page social = reader.followAll(reader.submitTo(
                form,
                "#commentform",
                "/auth/" + providerId + "/start",
                Map.of("comment", "Via the social realm", "slug", article.slug)));
        assertTrue(social.has("#kc-form-login"), () -> social.html().toString());
        assertTrue(
                social.one("#kc-form-login").attr("action").contains("/realms/social/"),
                "Keycloak's own page is skipped: the login form is the brokered realm's");

        Page back = reader.followAll(reader.submitTo(
                social,
                "#kc-form-login",
                social.one("#kc-form-login").attr("action"),
                Map.of("username", "sofia", "password", KeycloakResource.socialPassword())));
        if (back.has("#kc-update-profile-form")) {
            // Keycloak may ask a first-time brokered user to confirm their profile.
            back = reader.followAll(reader.submitTo(
                    back,
                    "#kc-update-profile-form",
                    back.one("#kc-update-profile-form").attr("action"),
                    Map.of()));
        }
        assertEquals(
                "You are commenting using your Social account as Sofia Social.",
                back.text(".logged-in-as span"),
                back.html()::toString);
        assertEquals("Via the social realm", back.fieldValue("comment"));
    }

    private static Map<String, String> cookiesOf(Browser browser) {
        Map<String, String> cookies = new java.util.HashMap<>();
        for (String name : browser.cookieNames()) {
            cookies.put(name, browser.cookie(name));
        }
        return cookies;
    }

    private static Page signIn(Browser reader, Article article, long providerId, String user, String password) {
        Page form = reader.open("/articles/" + article.slug);
        Page login = reader.followAll(
                reader.submitTo(form, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", article.slug)));
        return reader.followAll(reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", user, "password", password)));
    }
}
