package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner's admin actions are in the log too, and the log filters by person and action. */
@QuarkusTest
class AuditLogTest {

    @Inject
    TestData data;

    @Test
    void adminActionsAreRecordedWithWhoDidThem() {
        String ownerEmail = data.owner();
        String ownerName = data.accountByEmail(ownerEmail).displayName;
        Browser owner = new Browser();
        owner.signIn(ownerEmail, TestData.PASSWORD);
        Article article = data.article("Audited article");

        Page list = owner.open("/admin");
        owner.submitTo(list, "#article-" + article.id + " form", "/admin/articles/" + article.id + "/close", Map.of());
        String moderatorEmail = TestData.unique("mod") + "@parley.test";
        Page accounts = owner.open("/admin/accounts");
        owner.submit(
                accounts,
                "#moderatorform",
                Map.of("name", "Audited Moderator", "email", moderatorEmail, "password", "a long enough password"));

        Page log = owner.open("/moderation/log?actor=" + ownerName.replace(" ", "+"));
        assertTrue(
                log.texts("#log .summary").contains("Closed comments on the article “Audited article”"),
                log.texts("#log .summary").toString());
        assertTrue(log.texts("#log .summary").contains("Added the moderator account " + moderatorEmail));
        log.texts("#log .actor").forEach(actor -> assertEquals(ownerName, actor, "filtered by person"));

        Page articlesOnly = owner.open("/moderation/log?action=article");
        assertEquals("article", articlesOnly.one("#l-action option[selected]").val());
        assertTrue(articlesOnly.texts("#log .summary").stream().allMatch(s -> s.contains("article")));
    }

    @Test
    void moderatorsReadTheLogFiftyEntriesAPageNewestFirst() {
        for (int i = 0; i < 52; i++) {
            String depth = i % 2 == 0 ? "4" : "3";
            data.settings(s -> s.threadDepth = depth);
        }
        data.baselineSettings();
        Browser moderator = data.moderatorBrowser();

        Page first = moderator.open("/moderation/log?action=settings");
        assertEquals(50, first.html().select("#log tbody tr").size());
        List<Long> firstIds = idsOf(first);
        assertTrue(firstIds.get(0) > firstIds.get(49), "newest first");
        Page older = moderator.open(first.one("#older").attr("href"));
        assertTrue(idsOf(older).get(0) < firstIds.get(49), "the next page continues where the first ended");
        assertTrue(older.texts("#log .summary").stream().allMatch("Discussion settings changed"::equals));
    }

    private static List<Long> idsOf(Page page) {
        return page.html().select("#log tbody tr").eachAttr("id").stream()
                .map(id -> Long.valueOf(id.substring("log-".length())))
                .toList();
    }
}
