package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bans by email, identity or IP address, with an optional expiry: a banned person's comments go to spam silently. */
@QuarkusTest
class BanTest {

    @Inject
    TestData data;

    @Inject
    Bans bans;

    /** A failed test must not leave 127.0.0.1 banned for the tests after it. */
    @org.junit.jupiter.api.AfterEach
    void liftBans() {
        data.liftAllBans();
    }

    @Test
    void aBannedEmailAddressPostsStraightToSpamWithoutBeingTold() {
        String email = TestData.unique("troll") + "@Example.org";
        Browser moderator = data.moderatorBrowser();
        Page form = moderator.open("/moderation/bans?kind=email&value=" + email);
        assertEquals(email, form.fieldValue("value"), "prefilled from the queue's link");
        Page banned = moderator.follow(moderator.submit(form, "#banform", Map.of("reason", "Trolling", "days", "7")));
        assertEquals("Ban added. Their new comments go to spam without telling them.", banned.text(".notice"));
        String row = banned.html()
                .select("#bans tr:contains(" + email.toLowerCase() + ")")
                .text();
        assertTrue(row.contains("Trolling"), row);

        Article article = data.article("Banned");
        String author = TestData.unique("Troll");
        Browser troll = new Browser();
        Response answer = troll.submit(
                troll.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Hello again", "author", author, "email", email.toUpperCase()));

        assertEquals(303, answer.statusCode(), "answered as if posted");
        Comment stored = data.onlyCommentBy(author);
        assertEquals(CommentStatus.SPAM, stored.status);
        assertTrue(stored.reasons.startsWith("banned email address until "), stored.reasons);
    }

    @Test
    void anExpiredBanNoLongerApplies() {
        String ip = "198.51.100." + (int) (Math.random() * 200);
        bans.add("ip", ip, "old trouble", "1", dev.parley.audit.Actor.SYSTEM);
        assertTrue(bans.reasonFor(null, null, ip, Instant.now()).isPresent());
        assertEquals(
                java.util.Optional.empty(),
                bans.reasonFor(null, null, ip, Instant.now().plus(Duration.ofDays(2))),
                "a day later the one-day ban has expired");
    }

    @Test
    void bansByIpAddressAndSignedInReaderAndLiftingThem() {
        Browser moderator = data.moderatorBrowser();
        Page form = moderator.open("/moderation/bans");
        Response wrong = moderator.submit(form, "#banform", Map.of("kind", "identity", "value", "Ann", "days", "-3"));
        assertEquals(400, wrong.statusCode());
        Page again = Page.of("/moderation/bans", wrong);
        assertEquals("A signed-in reader is banned by their number, as the queue shows it.", again.fieldError("value"));
        assertEquals(
                "Enter a number of days from 1 to 3650, or leave it empty for a ban until lifted.",
                again.fieldError("days"));
        assertEquals("Ann", again.fieldValue("value"));

        Article article = data.article("Banned IP");
        moderator.follow(moderator.submit(form, "#banform", Map.of("kind", "ip", "value", "127.0.0.1", "days", "")));
        String author = TestData.unique("Loopback");
        Browser reader = new Browser();
        reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "From the banned address", "author", author, "email", "lb@example.org"));
        assertEquals("banned IP address", data.onlyCommentBy(author).reasons);

        Page list = moderator.open("/moderation/bans");
        org.jsoup.nodes.Element row =
                list.html().select("#bans tr:contains(127.0.0.1)").first();
        assertEquals("until lifted", row.selectFirst(".until").text());
        Page lifted = moderator.follow(moderator.submit(list, "#" + row.id() + " form", Map.of()));
        assertEquals("Ban lifted.", lifted.text(".notice"));
        String after = TestData.unique("Forgiven");
        reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Back again", "author", after, "email", "lb2@example.org"));
        assertEquals(CommentStatus.PENDING, data.onlyCommentBy(after).status);
        Page log = moderator.open("/moderation/log?action=lift_ban");
        assertEquals("Lifted the ban on IP address 127.0.0.1", log.text("#log tbody tr .summary"));
    }
}
