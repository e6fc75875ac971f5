package dev.parley.reply;

import java.util.Map;

/** What became of a submitted comment. */
sealed interface PostOutcome {

    /** Stored, held for moderation. */
    record Posted(long commentId) implements PostOutcome {}

    /**
     * Not stored: the form goes back to the reader with a message per field.
     *
     * @param status the HTTP status of the page that shows the form again
     * @param replyTo the comment to keep the form under, or {@code null}
     */
    record NotPosted(int status, Map<String, String> errors, Long replyTo) implements PostOutcome {}

    /** No published article has this address. */
    record NoSuchArticle() implements PostOutcome {}
}
