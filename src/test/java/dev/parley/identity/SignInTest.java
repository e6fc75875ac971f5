package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    @Inject
    TestData data;

    @Test
    void anonymousVisitorIsSentToSignInAndBackToWhereTheyWereGoing() {
        String moderator = data.moderator();
        Browser browser = new Browser();
        Response gate =
                io.restassured.RestAssured.given().redirects().follow(false).get("/moderation?page=1");
        assertEquals(303, gate.statusCode());
        String location = Browser.pathOf(gate.header("Location"));
        assertEquals("/login?next=%2Fmoderation%3Fpage%3D1", location);

        Page form = browser.open(location);
        assertEquals("/moderation?page=1", form.fieldValue("next"));
        Response signedIn =
                browser.submit(form, "#loginform", Map.of("email", moderator, "password", TestData.PASSWORD));
        assertEquals("/moderation?page=1", Browser.pathOf(signedIn.header("Location")));
        io.restassured.http.Cookie session = signedIn.getDetailedCookie(SessionService.COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        Page queue = browser.follow(signedIn);
        assertEquals("Pending comments", queue.one("h1").ownText().strip());
        assertTrue(queue.text(".site-nav").contains("Log out"));
    }

    @Test
    void wrongPasswordSaysSoWithoutTellingWhichPartWasWrongAndKeepsTheEmail() {
        String moderator = data.moderator();
        Browser browser = new Browser();
        for (String email : new String[] {moderator, "nobody@parley.test"}) {
            Response answer = browser.submit(
                    browser.open("/login"), "#loginform", Map.of("email", email, "password", "wrong password"));
            assertEquals(400, answer.statusCode());
            Page page = new Page("/login", 400, Jsoup.parse(answer.asString()));
            assertEquals(LoginResource.WRONG_CREDENTIALS, page.text(".form-error"));
            assertEquals(email, page.fieldValue("email"));
            assertEquals("", page.fieldValue("password"), "a password is never sent back");
        }
    }

    @Test
    void emptyFieldsGetTheirOwnMessages() {
        Browser browser = new Browser();
        Response answer = browser.submit(browser.open("/login"), "#loginform", Map.of("email", "", "password", ""));
        Page page = new Page("/login", 400, Jsoup.parse(answer.asString()));
        assertEquals("Please enter your email address.", page.fieldError("email"));
        assertEquals("Please enter your password.", page.fieldError("password"));
    }

    @Test
    void repeatedFailuresMakeTheAccountWaitEvenForTheRightPassword() {
        String moderator = data.moderator();
        Browser attacker = new Browser();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            Response answer = attacker.submit(
                    attacker.open("/login"), "#loginform", Map.of("email", moderator, "password", "guess " + i));
            assertEquals(400, answer.statusCode());
        }
        Response throttled = attacker.submit(
                attacker.open("/login"), "#loginform", Map.of("email", moderator, "password", TestData.PASSWORD));
        assertEquals(429, throttled.statusCode());
        assertEquals(
                "Too many failed attempts. Try again in 1 minute.",
                Jsoup.parse(throttled.asString()).selectFirst(".form-error").text());
        assertNull(attacker.cookie(SessionService.COOKIE));
    }

    @Test
    void unknownAddressesAreThrottledExactlyLikeRealOnes() {
        Browser attacker = new Browser();
        String unknown = TestData.unique("nobody") + "@parley.test";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            Response answer = attacker.submit(
                    attacker.open("/login"), "#loginform", Map.of("email", unknown, "password", "guess " + i));
            assertEquals(
                    LoginResource.WRONG_CREDENTIALS,
                    Jsoup.parse(answer.asString()).selectFirst(".form-error").text());
        }
        Response throttled = attacker.submit(
                attacker.open("/login"), "#loginform", Map.of("email", unknown.toUpperCase(), "password", "x"));
        assertEquals(429, throttled.statusCode());
        assertEquals(
                "Too many failed attempts. Try again in 1 minute.",
                Jsoup.parse(throttled.asString()).selectFirst(".form-error").text());
    }

    @Test
    void parallelGuessesAreAllCounted() throws Exception {
        String moderator = data.moderator();
        int guesses = LoginThrottle.FREE_FAILURES + 3;
        List<Browser> attackers = new ArrayList<>();
        List<Page> forms = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            Browser attacker = new Browser();
            attackers.add(attacker);
            forms.add(attacker.open("/login"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                int n = i;
                answers.add(pool.submit(() -> attackers
                        .get(n)
                        .submit(forms.get(n), "#loginform", Map.of("email", moderator, "password", "guess " + n))
                        .statusCode()));
            }
            long refused = 0;
            for (Future<Integer> answer : answers) {
                refused += answer.get(60, TimeUnit.SECONDS) == 429 ? 1 : 0;
            }
            assertEquals(guesses - LoginThrottle.FREE_FAILURES, refused, "every guess past the fifth waits");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void foreignReturnTargetsAreIgnored() {
        String moderator = data.moderator();
        for (String next : new String[] {
            "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "/a|b", "/{x}", "/%zz"
        }) {
            Browser browser = new Browser();
            Page form = browser.open(
                    "/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("", form.fieldValue("next"));
            Response answer = browser.submit(
                    form, "#loginform", Map.of("email", moderator, "password", TestData.PASSWORD, "next", next));
            assertEquals("/moderation", Browser.pathOf(answer.header("Location")), next);
        }
    }

    @Test
    void logOutEndsTheSessionOnTheServerNotJustInTheBrowser() {
        Browser browser = new Browser();
        Page queue = browser.signIn(data.moderator(), TestData.PASSWORD);
        String stolenCopy = browser.cookie(SessionService.COOKIE);

        Page home = browser.follow(browser.submit(queue, "header form[action=/logout]", Map.of()));
        assertFalse(home.shows("Log out"));
        assertNull(browser.cookie(SessionService.COOKIE));

        Browser thief = new Browser();
        thief.setCookie(SessionService.COOKIE, stolenCopy);
        assertEquals(303, thief.open("/moderation").status(), "the old cookie no longer signs anyone in");
        assertEquals(200, thief.open("/").status(), "a stale cookie does not break public pages");
    }
}
