package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadBuilderTest {

    private long nextId = 1;

    private Comment comment(Long parentId, String author) {
        Comment comment = new Comment();
        comment.id = nextId++;
        comment.parentId = parentId;
        comment.authorName = author;
        comment.body = author;
        comment.status = CommentStatus.APPROVED;
        comment.createdAt = Instant.EPOCH.plusSeconds(nextId);
        return comment;
    }

    @Test
    void depthOneShowsEveryCommentAtOneLevelSayingWhomItAnswers() {
        ThreadService.ThreadBuilder thread = new ThreadService.ThreadBuilder(1);
        Comment a = comment(null, "A");
        Comment b = comment(a.id, "B");
        Comment c = comment(b.id, "C");
        List.of(a, b, c).forEach(thread::add);

        List<CommentNode> roots = thread.roots();
        assertEquals(
                List.of("A", "B", "C"),
                roots.stream().map(CommentNode::authorName).toList());
        assertNull(roots.get(0).inReplyTo());
        assertEquals("A", roots.get(1).inReplyTo());
        assertEquals("B", roots.get(2).inReplyTo());
    }

    @Test
    void repliesNestUpToTheDepthThenStayThere() {
        ThreadService.ThreadBuilder thread = new ThreadService.ThreadBuilder(2);
        Comment a = comment(null, "A");
        Comment b = comment(a.id, "B");
        Comment c = comment(b.id, "C");
        Comment d = comment(a.id, "D");
        List.of(a, b, c, d).forEach(thread::add);

        CommentNode root = thread.roots().get(0);
        assertEquals(
                List.of("B", "C", "D"),
                root.replies().stream().map(CommentNode::authorName).toList());
        assertEquals(2, root.replies().get(1).depth());
        assertEquals("B", root.replies().get(1).inReplyTo());
        assertNull(root.replies().get(2).inReplyTo());
    }

    @Test
    void aReplyWhoseParentIsNotShownStandsAtTheTop() {
        ThreadService.ThreadBuilder thread = new ThreadService.ThreadBuilder(5);
        thread.add(comment(999L, "Orphan"));
        assertEquals(1, thread.roots().get(0).depth());
    }

    @Test
    void onlyApprovedCommentsCanBeRepliedTo() {
        ThreadService.ThreadBuilder thread = new ThreadService.ThreadBuilder(5);
        Comment pending = comment(null, "Mine");
        pending.status = CommentStatus.PENDING;
        thread.add(pending);
        assertNull(thread.replyTarget(pending.id));
        assertNull(thread.replyTarget(12345L));
    }
}
