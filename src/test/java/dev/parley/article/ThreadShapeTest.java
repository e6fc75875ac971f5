package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page the link back finds from ids and parents is the page the thread shows the comment on. */
class ThreadShapeTest {

    @Test
    void aReplyWhoseParentIsNotShownStartsAThreadOfItsOwn() {
        // 1 and 3 start threads; 2 answers 1; 5 answers 4, which the thread does not show.
        List<ThreadShape.Entry> shown = List.of(entry(1, null), entry(2, 1L), entry(3, null), entry(5, 4L));

        ThreadShape oldestFirst = new ThreadShape(shown, 5, false);
        ThreadShape newestFirst = new ThreadShape(shown, 5, true);
        ThreadShape flat = new ThreadShape(shown, 1, false);

        assertEquals(OptionalInt.of(1), oldestFirst.pageOf(2, 2));
        assertEquals(OptionalInt.of(2), oldestFirst.pageOf(5, 2));
        assertEquals(OptionalInt.of(1), newestFirst.pageOf(5, 2));
        assertEquals(OptionalInt.of(2), newestFirst.pageOf(2, 2));
        assertEquals(OptionalInt.empty(), oldestFirst.pageOf(4, 2), "not shown, so on no page");
        assertEquals(OptionalInt.of(1), flat.pageOf(2, 2), "without nesting every comment is a thread");
        assertEquals(OptionalInt.of(2), flat.pageOf(3, 2));
    }

    @Test
    void agreesWithTheThreadAsItIsShownOnRandomThreads() {
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            int size = 1 + random.nextInt(60);
            int perPage = random.nextInt(6); // 0: no pages
            int maxDepth = 1 + random.nextInt(5);
            boolean newest = random.nextBoolean();
            List<Comment> all = new ArrayList<>();
            List<Comment> shown = new ArrayList<>();
            List<ThreadShape.Entry> entries = new ArrayList<>();
            for (long id = 1; id <= size; id++) {
                Comment comment = new Comment();
                comment.id = id;
                comment.authorName = "Reader " + id;
                comment.parentId =
                        all.isEmpty() || random.nextInt(3) == 0 ? null : all.get(random.nextInt(all.size())).id;
                all.add(comment);
                if (random.nextInt(5) > 0) { // a fifth were removed by moderators
                    shown.add(comment);
                    entries.add(new ThreadShape.Entry(comment.id, comment.parentId));
                }
            }
            ThreadService.ThreadBuilder thread = new ThreadService.ThreadBuilder(maxDepth, newest);
            shown.forEach(thread::add);
            ThreadShape shape = new ThreadShape(entries, maxDepth, newest);

            for (Comment comment : all) {
                OptionalInt page = shape.pageOf(comment.id, perPage);
                if (thread.contains(comment.id)) {
                    assertEquals(
                            OptionalInt.of(thread.pageOf(comment.id, perPage)),
                            page,
                            "round " + round + ", comment " + comment.id);
                } else {
                    assertTrue(page.isEmpty(), "round " + round + ", comment " + comment.id);
                }
            }
        }
    }

    private static ThreadShape.Entry entry(long id, Long parentId) {
        return new ThreadShape.Entry(id, parentId);
    }
}
