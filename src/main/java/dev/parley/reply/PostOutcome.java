package dev.parley.reply;

import java.util.Map;

/** What became of a submitted comment. */
sealed interface PostOutcome {

    /** Stored, held for moderation. */
    record Posted(long commentId) implements PostOutcome {}

    /**
     * Not stored: the form goes back to the reader with a message per field.
     *
     * @param replyTo the comment to keep the form under, or {@code null}
     */
    record NotPosted(Reason reason, Map<String, String> errors, Long replyTo) implements PostOutcome {}

    /** No published article has this address. */
    record NoSuchArticle() implements PostOutcome {}

    enum Reason {
        /** Something the reader typed needs fixing. */
        INVALID,
        /** The article no longer takes comments. */
        CLOSED
    }
}
