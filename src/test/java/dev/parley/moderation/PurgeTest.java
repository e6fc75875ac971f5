package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trash and spam are emptied, and IP addresses forgotten, after the owner's numbers of days. */
@QuarkusTest
class PurgeTest {

    @Inject
    TestData data;

    @Inject
    Purge purge;

    @org.junit.jupiter.api.BeforeEach
    void fromTheBeginning() {
        data.resetPurgeMarks();
    }

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
    }

    @Test
    void trashAndSpamOlderThanTheirDaysAreDeletedAndYoungerOnesKept() {
        Instant now = Instant.now();
        Article article = data.article("Purged");
        long oldTrash = data.oldComment(article, CommentStatus.TRASH, days(now, 60), days(now, 31), null).id;
        long youngTrash = data.oldComment(article, CommentStatus.TRASH, days(now, 60), days(now, 29), null).id;
        long oldSpam = data.oldComment(article, CommentStatus.SPAM, days(now, 16), null, null).id;
        long youngSpam = data.oldComment(article, CommentStatus.SPAM, days(now, 14), null, null).id;
        long oldApproved = data.oldComment(article, CommentStatus.APPROVED, days(now, 400), days(now, 400), null).id;

        Purge.Result result = purge.run(now);

        assertNull(data.findComment(oldTrash));
        assertNotNull(data.findComment(youngTrash));
        assertNull(data.findComment(oldSpam), "spam never decided by anyone counts from when it was posted");
        assertNotNull(data.findComment(youngSpam));
        assertNotNull(data.findComment(oldApproved), "approved comments are never purged");
        assertTrue(result.trash() >= 1 && result.spam() >= 1, result.toString());
        Page log = data.moderatorBrowser().open("/moderation/log?action=purge");
        assertEquals("Parley (automatic)", log.text("#log tbody tr .actor"));
        assertTrue(log.text("#log tbody tr .summary").startsWith("Deleted "), log.text("#log tbody tr .summary"));
    }

    @Test
    void theOwnersDaysApply() {
        data.settings(s -> {
            s.trashDays = "3";
            s.spamDays = "1";
        });
        Instant now = Instant.now();
        Article article = data.article("Short memory");
        long trash = data.oldComment(article, CommentStatus.TRASH, days(now, 10), days(now, 4), null).id;
        long spam = data.oldComment(article, CommentStatus.SPAM, days(now, 2), null, null).id;

        purge.run(now);

        assertNull(data.findComment(trash));
        assertNull(data.findComment(spam));
    }

    @Test
    void ipAddressesAreForgottenAfterTheRetentionPeriod() {
        Instant now = Instant.now();
        Article article = data.article("Privacy");
        long old = data.oldComment(article, CommentStatus.APPROVED, days(now, 31), null, "192.0.2.1").id;
        long recent = data.oldComment(article, CommentStatus.APPROVED, days(now, 29), null, "192.0.2.2").id;

        purge.run(now);

        assertNull(data.findComment(old).authorIp);
        assertNull(data.findComment(old).userAgent);
        assertEquals("192.0.2.2", data.findComment(recent).authorIp);
    }

    @Test
    void thePurgeRunsHourlyInProduction() throws Exception {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        assertEquals("1h", config.getProperty("parley.purge.every"));
        assertEquals("off", config.getProperty("%test.parley.purge.every"), "tests run it with their own clock");
    }

    private static Instant days(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }
}
