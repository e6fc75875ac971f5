package dev.parley.article;

/**
 * A comment came into being or changed status. Fired inside the transaction that made the change; observers
 * that must only see what was committed observe it {@code during = TransactionPhase.AFTER_SUCCESS}.
 *
 * @param from the status before; {@code null} for a new comment
 * @param to the status after; {@code null} when the comment was deleted permanently
 */
public record CommentEvent(CommentStatus from, CommentStatus to) {

    public static CommentEvent posted(CommentStatus status) {
        return new CommentEvent(null, status);
    }

    public boolean isNew() {
        return from == null;
    }
}
