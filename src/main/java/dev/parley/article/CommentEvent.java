package dev.parley.article;

/**
 * A comment came into being or changed status. Fired inside the transaction that made the change: observers
 * that must only see what was committed observe it {@code during = TransactionPhase.AFTER_SUCCESS}; those whose
 * work must commit or roll back with the change (queuing a mail in the outbox) observe it in the transaction.
 *
 * @param commentId the comment (for a deleted one, the id it had)
 * @param from the status before; {@code null} for a new comment
 * @param to the status after; {@code null} when the comment was deleted permanently
 */
public record CommentEvent(long commentId, CommentStatus from, CommentStatus to) {

    public static CommentEvent posted(long commentId, CommentStatus status) {
        return new CommentEvent(commentId, null, status);
    }

    public boolean isNew() {
        return from == null;
    }
}
