package dev.parley.article;

/**
 * A reader's report of a comment was recorded. Fired inside the transaction that recorded it.
 *
 * @param firstReport whether the comment had no open report before this one (the moment it reaches the queue)
 */
public record CommentReported(long commentId, String reason, boolean firstReport) {}
