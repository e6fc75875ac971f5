package dev.parley.article;

/** Where a comment stands in moderation. Only {@link #APPROVED} comments are public. */
public enum CommentStatus {
    /** Held for moderation: visible to its author's browser and to moderators only. */
    PENDING,
    APPROVED,
    SPAM,
    /** Rejected by a moderator. */
    TRASH
}
