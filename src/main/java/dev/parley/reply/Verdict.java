package dev.parley.reply;

import dev.parley.article.CommentStatus;
import java.util.List;

/** What screening decided for a new comment, and why (no reasons when it was simply accepted). */
record Verdict(CommentStatus status, List<String> reasons) {

    /** The reasons as stored with the comment: one per line, or {@code null}. */
    String storedReasons() {
        if (reasons.isEmpty()) {
            return null;
        }
        String joined = String.join("\n", reasons);
        return joined.length() <= 2000 ? joined : joined.substring(0, 1999) + "…";
    }
}
