package dev.parley.article;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.List;

/**
 * One comment as a thread shows it, with its replies. Ready for the template: no entity, no lazy
 * loading.
 *
 * @param depth 1 for a top-level comment
 * @param inReplyTo the author replied to, when the reply is shown flattened below the thread depth
 */
public record CommentNode(
        long id,
        String authorName,
        String authorUrl,
        Instant postedAt,
        RawString bodyHtml,
        boolean awaitingModeration,
        boolean byStaff,
        int depth,
        String inReplyTo,
        List<CommentNode> replies) {

    public String anchor() {
        return "comment-" + id;
    }
}
