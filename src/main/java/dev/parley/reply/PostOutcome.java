package dev.parley.reply;

import dev.parley.subscription.Subscriptions;
import java.util.Map;

/** What became of a submitted comment. */
sealed interface PostOutcome {

    /**
     * Stored (held, published or, for bots, silently marked as spam).
     *
     * @param link where the comment shows to its author, found while storing it; {@code null} for a comment an
     *     earlier arrival of the same form stored, whose link is found afterwards
     */
    record Posted(long commentId, Subscriptions.Answer mail, String link) implements PostOutcome {

        Posted(long commentId) {
            this(commentId, null, null);
        }
    }

    /**
     * Not stored: the form goes back to the reader with a message per field and everything typed.
     *
     * @param replyTo the comment to keep the form under, or {@code null}
     */
    record NotPosted(Reason reason, Map<String, String> errors, Long replyTo) implements PostOutcome {}

    /** No published article has this address. */
    record NoSuchArticle() implements PostOutcome {}

    /** Why a comment was not stored, with the HTTP status the form comes back with. */
    enum Reason {
        /** Something the reader typed needs fixing. */
        INVALID(400),
        /** The article no longer takes comments. */
        CLOSED(403),
        /** Only signed-in readers may comment. */
        SIGN_IN_REQUIRED(403),
        /** The same text by the same author is already on this article. */
        DUPLICATE(409),
        /** Flood control: too soon after this reader's previous comment. */
        TOO_SOON(429);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
