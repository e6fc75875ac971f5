package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.TestData;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The counts the link back to a new comment takes on the indexes agree with the thread as it is shown, whatever
 * became of its comments: held, spam (by a rule or a moderator), trashed, hidden by reports, the browser's own or
 * another's, replies whose parent is gone, and comments written in the same instant.
 */
@QuarkusTest
class ThreadCountsTest {

    private static final String MINE = "token-of-this-browser";

    @Inject
    TestData data;

    @Test
    @TestTransaction
    void theCountsAgreeWithTheShownThreadOnRandomThreads() {
        Random random = new Random(7);
        for (int round = 0; round < 12; round++) {
            Article article = Article.findById(data.article(TestData.unique("Counted")).id);
            List<Comment> all = new ArrayList<>();
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 40; i++) {
                Comment comment = new Comment();
                comment.article = article;
                comment.parentId =
                        all.isEmpty() || random.nextInt(3) == 0 ? null : all.get(random.nextInt(all.size())).id;
                comment.status = CommentStatus.values()[random.nextInt(CommentStatus.values().length)];
                comment.hiddenByReports = random.nextInt(6) == 0;
                comment.decidedAt = random.nextBoolean() ? at : null;
                comment.authorTokenHash = random.nextInt(3) == 0 ? MINE : "another-" + random.nextInt(3);
                comment.authorName = "Reader " + i;
                comment.body = "Comment " + i;
                at = random.nextInt(4) == 0 ? at : at.plusSeconds(1); // some share their instant
                comment.createdAt = at;
                comment.persist();
                all.add(comment);
            }
            for (String token : new String[] {MINE, null}) {
                for (boolean nested : new boolean[] {true, false}) {
                    assertAgrees(article, token, nested, all, "round " + round + ", token " + token);
                }
            }
        }
    }

    private static void assertAgrees(Article article, String token, boolean nested, List<Comment> all, String where) {
        List<ThreadShape.Entry> shown = Comment.shapeOfThread(article, token);
        ThreadShape shape = new ThreadShape(shown, nested ? 5 : 1, false);
        Set<Long> shownIds = new HashSet<>();
        List<Long> tops = new ArrayList<>();
        for (ThreadShape.Entry entry : shown) {
            if (!nested || entry.parentId() == null || !shownIds.contains(entry.parentId())) {
                tops.add(entry.id());
            }
            shownIds.add(entry.id());
        }
        for (Comment comment : all) {
            if (!tops.contains(comment.id)) {
                continue;
            }
            int place = shape.pageOf(comment.id, 1).getAsInt() - 1;
            String what = where + ", nested " + nested + ", thread " + comment.id;
            assertEquals(place, ThreadCounts.beside(article, token, comment, false, nested), what + ", before");
            assertEquals(
                    tops.size() - 1 - place,
                    ThreadCounts.beside(article, token, comment, true, nested),
                    what + ", after");
        }
        for (int limit = 0; limit <= tops.size() + 1; limit++) {
            assertEquals(
                    tops.size() > limit,
                    ThreadCounts.moreThan(article, token, limit, nested),
                    where + ", nested " + nested + ", limit " + limit);
        }
    }
}
