package dev.parley.subscription;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Mailbox;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readers' mail, as readers go through it: "Notify me" boxes, the confirmation mail and its page, mail about new
 * comments and about a held comment published, one-click unsubscribe, the manage page, "Follow this thread", the
 * daily limit on confirmation mails, and addresses refused with a field message.
 */
@QuarkusTest
class ReaderMailTest {

    @Inject
    TestData data;

    private static String address(String who) {
        return TestData.unique(who).toLowerCase() + "@example.org";
    }

    /** Posts a guest comment with the reply form; {@code boxes} are the "Notify me" boxes ticked. */
    private static Response post(
            Browser guest, Article article, String author, String email, String text, String... boxes) {
        Page page = guest.open("/articles/" + article.slug);
        Map<String, String> typed = new HashMap<>(Map.of("comment", text, "author", author, "email", email));
        for (String box : boxes) {
            typed.put(box, "yes");
        }
        return guest.submit(page, "#commentform", typed);
    }

    private long approve(String author) {
        return decide(author, "approve");
    }

    /** A moderator presses a button (approve, spam, reject = Trash) for the author's comment in the queue. */
    private long decide(String author, String decision) {
        long id = data.onlyCommentBy(author).id;
        Browser moderator = new Browser();
        moderator.signIn(data.moderator(), TestData.PASSWORD);
        Page queue = moderator.open("/moderation");
        moderator.follow(moderator.submit(
                queue,
                "#queue",
                Map.of("one", queue.one("#queue-" + id + " button." + decision).val())));
        return id;
    }

    /** Opens the confirmation link of the mail just received, checks its page, and presses its button. */
    private static Mailbox.Received confirm(String email, String title) {
        Mailbox.Received mail = Mailbox.await(email, "Confirm your subscription");
        assertTrue(mail.subject().contains(title), mail.subject());
        Browser browser = new Browser();
        Page page = browser.open(Browser.pathOf(mail.link("Confirm your subscription")));
        assertEquals(200, page.status());
        assertTrue(
                page.shows("Press the button to get mail at " + email),
                page.html().text());
        Page done = Page.of("(confirmed)", browser.submit(page, "#confirmform", Map.of()));
        assertEquals("Subscription confirmed", done.text("h1"));
        return mail;
    }

    @Test
    void followersHearOfNewCommentsAndAuthorsOfTheirApprovalButNobodyOfTheirOwn() {
        Article article = data.article(TestData.unique("Tides"));
        String ann = address("ann");
        String annName = TestData.unique("Ann");
        String bob = address("bob");
        String bobName = TestData.unique("Bob");
        String eve = address("eve");
        String carol = address("carol");
        String carolName = TestData.unique("Carol");

        // Ann asks for follow-up comments: the page she lands on says a confirmation mail is on its way.
        Browser annBrowser = new Browser();
        Response annPosted = post(annBrowser, article, annName, ann, "Ann's first word.", "subscribe_comments");
        assertEquals(303, annPosted.statusCode());
        long annComment = data.onlyCommentBy(annName).id;
        Page annPage = annBrowser.follow(annPosted);
        assertEquals(
                "A confirmation mail is on its way: follow its link to start getting mail about this thread.",
                annPage.text("#comment-" + annComment + " #mail-answer"));
        Mailbox.Received annConfirmation = confirm(ann, article.title);
        assertTrue(annConfirmation.header("List-Unsubscribe") != null, "the confirmation can be refused too");

        // Eve asks too but never confirms: she must get nothing but the confirmation.
        post(new Browser(), article, TestData.unique("Eve"), eve, "Eve's word.", "subscribe_comments");
        Mailbox.await(eve, "Confirm your subscription");

        // Bob wants to hear when his held comment is published, and follows the thread.
        post(
                new Browser(),
                article,
                bobName,
                bob,
                "Bob answers <b>Ann</b> & more.",
                "subscribe_comments",
                "subscribe_approval");
        confirm(bob, article.title);

        approve(annName); // Ann's own comment: nobody who follows is Ann's own author but Ann, who is not told.
        long bobComment = approve(bobName);

        Mailbox.Received approved = Mailbox.await(bob, "is now published");
        assertEquals("Your comment on “" + article.title + "” is now published", approved.subject());
        assertTrue(approved.text().contains("Bob answers <b>Ann</b> & more."), approved.text());
        assertTrue(approved.link("See it").endsWith("/articles/" + article.slug + "#comment-" + bobComment));

        Mailbox.Received news = Mailbox.await(ann, "New comment");
        assertEquals("New comment on “" + article.title + "”", news.subject());
        assertEquals("Parley", news.fromName());
        assertTrue(news.text().contains(bobName + " wrote on “" + article.title + "”"), news.text());
        assertTrue(news.text().contains("Bob answers <b>Ann</b> & more."), news.text());
        assertTrue(news.document().text().contains("Bob answers <b>Ann</b> & more."), news.html());
        assertFalse(news.html().contains("<b>Ann</b>"), "comment text is escaped as on the pages");
        String link = news.link("Read it and reply");
        assertTrue(link.endsWith("/articles/" + article.slug + "#comment-" + bobComment), link);
        assertEquals(200, new Browser().open(Browser.pathOf(link)).status());
        String raw = news.text() + news.html() + news.header("To") + news.header("Cc");
        assertFalse(raw.contains(bob), "no other reader's address");
        assertFalse(raw.contains(eve), "no other reader's address");

        // One click in Ann's mail client: a POST with only the RFC 8058 body, no cookie, no token, no Origin.
        String header = news.header("List-Unsubscribe");
        assertNotNull(header);
        String unsubscribe = header.substring(1, header.length() - 1);
        assertEquals("List-Unsubscribe=One-Click", news.header("List-Unsubscribe-Post"));
        for (int i = 0; i < 2; i++) {
            given().contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click")
                    .post(URI.create(unsubscribe))
                    .then()
                    .statusCode(200);
        }

        // Carol's comment: Bob hears of it; Ann (unsubscribed), Eve (unconfirmed) and Carol herself do not.
        post(new Browser(), article, carolName, carol, "Carol was here.");
        approve(carolName);
        Mailbox.awaitMatching(bob, m -> m.text().contains("Carol was here."), "Bob's mail about Carol's comment");

        List<String> annSubjects =
                Mailbox.to(ann).stream().map(Mailbox.Received::subject).toList();
        assertEquals(2, annSubjects.size(), annSubjects.toString());
        assertEquals(1, Mailbox.to(eve).size(), "unconfirmed: nothing but the one confirmation");
        assertTrue(Mailbox.to(carol).isEmpty(), "Carol asked for nothing");
        List<Mailbox.Received> bobMails = Mailbox.to(bob);
        assertFalse(
                bobMails.stream()
                        .anyMatch(m -> m.subject().startsWith("New comment")
                                && m.text().contains("Bob answers")),
                "Bob is never told of his own comment");
    }

    @Test
    void heldSpamAndTrashedCommentsMailNobody() {
        Article article = data.article(TestData.unique("Reef"));
        String ola = address("ola");
        Browser browser = new Browser();
        browser.submit(browser.open("/articles/" + article.slug), "#followform", Map.of("follow_email", ola));
        confirm(ola, article.title);

        String pat = address("pat");
        String patName = TestData.unique("Pat");
        post(new Browser(), article, patName, pat, "Pat's spammy words.", "subscribe_comments", "subscribe_approval");
        confirm(pat, article.title);
        String ray = address("ray");
        String rayName = TestData.unique("Ray");
        post(new Browser(), article, rayName, ray, "Ray's trashed words.", "subscribe_approval");
        confirm(ray, article.title);
        decide(patName, "spam");
        decide(rayName, "reject"); // Trash

        String quinName = TestData.unique("Quin");
        post(new Browser(), article, quinName, address("quin"), "Quin's published words.");
        approve(quinName);
        Mailbox.awaitMatching(ola, m -> m.text().contains("Quin's published words."), "Ola's mail about Quin");
        Mailbox.awaitMatching(pat, m -> m.text().contains("Quin's published words."), "Pat's mail about Quin");

        assertEquals(2, Mailbox.to(ola).size(), "the confirmation and Quin's comment, nothing about held ones");
        assertFalse(Mailbox.to(pat).stream().anyMatch(m -> m.subject().contains("is now published")));
        assertEquals(1, Mailbox.to(ray).size(), "only the confirmation");
    }

    @Test
    void followWithoutCommentingIsLimitedToThreeConfirmationsADayAndManagedWithoutAnAccount() {
        Article article = data.article(TestData.unique("Harbour"));
        String dan = address("dan");
        Browser browser = new Browser();
        String answer = null;
        for (int i = 1; i <= 4; i++) {
            Page page = browser.open("/articles/" + article.slug);
            Page followed = Page.of("(followed)", browser.submit(page, "#followform", Map.of("follow_email", dan)));
            assertEquals(200, followed.status());
            answer = followed.text("#follow-answer");
            if (i < 4) {
                assertTrue(answer.startsWith("A confirmation mail is on its way"), answer);
            }
        }
        assertTrue(answer.startsWith("A confirmation mail was already sent to this address recently"), answer);
        Mailbox.awaitMatching(dan, m -> Mailbox.to(dan).size() >= 3, "three confirmation mails");
        assertEquals(3, Mailbox.to(dan).size(), "the fourth request sent nothing");

        Mailbox.Received mail = confirm(dan, article.title);
        Page manage = browser.open(Browser.pathOf(mail.link("Manage your mail")));
        assertEquals(200, manage.status());
        assertEquals(
                "no-referrer",
                browser.getRaw(Browser.pathOf(mail.link("Manage your mail"))).header("Referrer-Policy"));
        assertTrue(
                manage.text("#subscriptions").contains(article.title),
                manage.html().text());
        assertTrue(manage.text("#subscriptions").contains("New comments"));
        Page stopped = browser.followAll(browser.submit(manage, "#subscriptions form", Map.of()));
        assertEquals("Stopped: no more mail about it.", stopped.text(".notice"));
        assertEquals("This address gets no mail about comments.", stopped.text("#none"));
    }

    @Test
    void aHostPageReaderFollowsTheThreadWithoutScriptAndHearsInTheSitesName() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        String siteName = TestData.unique("Harbour Blog");
        data.site(siteName, origin);
        String pageUrl = origin + "/2026/boats/";
        String fragment = "/embed/thread?page="
                + java.net.URLEncoder.encode(pageUrl, java.nio.charset.StandardCharsets.UTF_8) + "&title=Boats";
        String ivy = address("ivy");
        Browser reader = new Browser().withHeader("Origin", origin);

        Page thread = reader.open(fragment);
        assertEquals("/embed/follow", thread.one("#followform").attr("action"));
        assertFalse(thread.has("#followform input[name=_csrf]"), "one rendering is shared by every reader");
        Page followed = Page.of("(followed)", reader.submit(thread, "#followform", Map.of("follow_email", ivy)));
        assertEquals(200, followed.status());
        assertTrue(followed.text("#follow-answer").startsWith("A confirmation mail is on its way"));
        assertEquals(pageUrl + "#comments", followed.one("#back").attr("href"), "back to the host page");

        Mailbox.Received confirmation = confirm(ivy, "Boats");
        assertEquals(siteName, confirmation.fromName());

        String author = TestData.unique("Jo");
        Browser other = new Browser().withHeader("Origin", origin);
        other.submit(
                other.open(fragment),
                "#commentform",
                Map.of("comment", "Nice boats.", "author", author, "email", address("jo")));
        long id = approve(author);
        Mailbox.Received news = Mailbox.await(ivy, "New comment");
        assertEquals(siteName, news.fromName());
        assertEquals(pageUrl + "#comment-" + id, news.link("Read it and reply"), "the comment on the host page");

        // A reader of a server-side include who ticks "Notify me" lands on the thread's page on Parley, which says
        // what became of it; the script tag is told it in a header, for embed.js to say it under the comment.
        String lee = TestData.unique("Lee");
        Browser include = new Browser().withHeader("Origin", origin);
        Response posted = include.submit(
                include.open(fragment),
                "#commentform",
                Map.of(
                        "comment",
                        "Tell me more.",
                        "author",
                        lee,
                        "email",
                        address("lee"),
                        "subscribe_comments",
                        "yes"));
        long leeComment = data.onlyCommentBy(lee).id;
        assertEquals(303, posted.statusCode());
        Page landed = include.follow(posted);
        assertTrue(landed.text("#comment-" + leeComment + " #mail-answer")
                .startsWith("A confirmation mail is on its way"));
        assertEquals(pageUrl, landed.one("#back-to-page").attr("href"));

        String mo = TestData.unique("Mo");
        Response script = given().header("Origin", origin)
                .header("Sec-Fetch-Site", "cross-site")
                .header("X-Parley-Embed", "script")
                .formParam("page", pageUrl)
                .formParam("comment", "Script with a box.")
                .formParam("author", mo)
                .formParam("email", address("mo"))
                .formParam("subscribe_comments", "yes")
                .formParam("parley_key", "0123456789abcdef0123456789abcdef")
                .redirects()
                .follow(false)
                .post("/embed/comments");
        assertEquals(204, script.statusCode(), script.asString());
        assertTrue(script.header("X-Parley-Mail").startsWith("A confirmation mail is on its way"));
        assertTrue(script.header("Access-Control-Expose-Headers").contains("X-Parley-Mail"));
    }

    @Test
    void aSignedInReaderWhoseProviderVouchesForTheAddressNeedsNoConfirmation() {
        Article article = data.article(TestData.unique("Lighthouse"));
        String vouched = address("vouched");
        String unvouched = address("unvouched");
        Browser fay = new Browser();
        data.signInReader(fay, TestData.unique("Fay"), vouched, true);
        Browser gus = new Browser();
        data.signInReader(gus, TestData.unique("Gus"), unvouched, false);

        Page fayFollowed =
                Page.of("(followed)", fay.submit(fay.open("/articles/" + article.slug), "#followform", Map.of()));
        assertEquals(
                "Your address is confirmed: mail about this thread will come to it. Every mail has a link to stop it.",
                fayFollowed.text("#follow-answer"));
        Page gusFollowed =
                Page.of("(followed)", gus.submit(gus.open("/articles/" + article.slug), "#followform", Map.of()));
        assertTrue(gusFollowed.text("#follow-answer").startsWith("A confirmation mail is on its way"));
        Mailbox.await(unvouched, "Confirm your subscription");

        String hal = TestData.unique("Hal");
        post(new Browser(), article, hal, address("hal"), "Hal writes in.");
        approve(hal);
        Mailbox.Received news = Mailbox.await(vouched, "New comment");
        assertTrue(news.text().contains("Hal writes in."), news.text());
        assertTrue(
                Mailbox.to(vouched).stream().noneMatch(m -> m.subject().contains("Confirm")),
                "no confirmation mail for an address the provider vouched for: " + Mailbox.summary());
        assertTrue(
                Mailbox.to(unvouched).stream().noneMatch(m -> m.subject().contains("New comment")),
                "nothing but the confirmation for the address nobody vouched for");
    }

    @Test
    void stopAllEndsEverySubscriptionAndTheOldManageLink() {
        Article first = data.article(TestData.unique("North"));
        Article second = data.article(TestData.unique("South"));
        String fay = address("fay");
        Browser browser = new Browser();
        for (Article a : List.of(first, second)) {
            Page page = browser.open("/articles/" + a.slug);
            browser.submit(page, "#followform", Map.of("follow_email", fay));
        }
        Mailbox.Received mail = confirm(fay, first.title);
        String manageLink = Browser.pathOf(mail.link("Manage your mail"));
        Page manage = browser.open(manageLink);
        assertEquals(2, manage.html().select("#subscriptions tbody tr").size());
        Page after = browser.followAll(browser.submit(manage, "#stopall", Map.of()));
        assertEquals("Stopped: this address gets no more mail about comments.", after.text(".notice"));
        assertEquals(404, new Browser().open(manageLink).status(), "old manage links stop working");
    }

    @Test
    void unsubscribePageShowsAButtonAndTamperedLinksAreRefused() {
        Article article = data.article(TestData.unique("Lake"));
        String gil = address("gil");
        Browser browser = new Browser();
        browser.submit(browser.open("/articles/" + article.slug), "#followform", Map.of("follow_email", gil));
        Mailbox.Received mail = Mailbox.await(gil, "Confirm your subscription");
        String path = Browser.pathOf(mail.link("Unsubscribe"));
        Page page = browser.open(path);
        assertEquals(200, page.status());
        assertTrue(page.has("#unsubscribeform button"));
        Page done = Page.of("(done)", browser.submit(page, "#unsubscribeform", Map.of()));
        assertEquals("You are unsubscribed", done.text("h1"));

        assertEquals(
                404, browser.open(path.substring(0, path.length() - 2) + "00").status());
        assertEquals(404, browser.open("/mail/confirm/not-a-token").status());
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(path.substring(0, path.length() - 2) + "00")
                .then()
                .statusCode(404);
    }

    /**
     * The pages of mail links send no referrer, so a browser sends their forms with "Origin: null": Parley takes them
     * when the browser also says the form is its own page (Sec-Fetch-Site), and refuses the same from another site.
     */
    @Test
    void formsOfPagesWithoutReferrerAreTakenFromParleyOnly() {
        Article article = data.article(TestData.unique("Bay"));
        String kim = address("kim");
        Browser browser = new Browser();
        browser.submit(browser.open("/articles/" + article.slug), "#followform", Map.of("follow_email", kim));
        String path =
                Browser.pathOf(Mailbox.await(kim, "Confirm your subscription").link("Confirm your subscription"));

        Browser elsewhere = new Browser().withHeader("Origin", "null").withHeader("Sec-Fetch-Site", "cross-site");
        Response refused = elsewhere.submit(elsewhere.open(path), "#confirmform", Map.of());
        assertEquals(403, refused.statusCode());
        assertTrue(elsewhere.open(path).has("#confirmform"), "nothing was confirmed");

        Browser own = new Browser().withHeader("Origin", "null").withHeader("Sec-Fetch-Site", "same-origin");
        Page page = own.open(path);
        assertEquals("no-referrer", own.getRaw(path).header("Referrer-Policy"));
        Response confirmed = own.submit(page, "#confirmform", Map.of());
        assertEquals(200, confirmed.statusCode());
        assertEquals("Subscription confirmed", Page.of("(confirmed)", confirmed).text("h1"));
    }

    @Test
    void badAddressesAreRefusedWithAFieldMessageAndEverythingTypedKept() {
        Article article = data.article(TestData.unique("Cove"));
        String author = TestData.unique("Hal");
        Browser browser = new Browser();
        for (String bad : List.of("hal@example.org\r\nBcc: victim@example.org", "h".repeat(990) + "@example.org")) {
            Page form = browser.open("/articles/" + article.slug);
            Page again = Page.of(
                    "(again)",
                    browser.submit(
                            form,
                            "#commentform",
                            Map.of(
                                    "comment",
                                    "Keep this text.",
                                    "author",
                                    author,
                                    "email",
                                    bad,
                                    "subscribe_comments",
                                    "yes")));
            assertEquals(400, again.status());
            assertFalse(again.fieldError("email").isBlank());
            assertEquals("Keep this text.", again.fieldValue("comment"));
            assertEquals(bad.replace("\r\n", "\n"), again.fieldValue("email").replace("\r\n", "\n"));
            assertTrue(again.one("#subscribe_comments").hasAttr("checked"), "the box stays ticked");

            Page follow = browser.open("/articles/" + article.slug);
            Page refused = Page.of("(refused)", browser.submit(follow, "#followform", Map.of("follow_email", bad)));
            assertEquals(400, refused.status());
            assertFalse(refused.fieldError("follow_email").isBlank());
            assertEquals(
                    bad.replace("\r\n", "\n"),
                    refused.fieldValue("follow_email").replace("\r\n", "\n"));
        }
        Page form = browser.open("/articles/" + article.slug);
        Page noEmail = Page.of(
                "(no email)",
                browser.submit(
                        form,
                        "#commentform",
                        Map.of("comment", "Text.", "author", author, "email", "", "subscribe_comments", "yes")));
        assertEquals(400, noEmail.status());
        assertFalse(noEmail.fieldError("email").isBlank());
        assertEquals(0, data.commentsBy(author));
    }
}
