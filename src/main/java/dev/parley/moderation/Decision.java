package dev.parley.moderation;

import dev.parley.article.CommentStatus;
import java.util.Locale;
import java.util.Optional;

/** What a moderator can decide about a pending comment. */
public enum Decision {
    APPROVE(CommentStatus.APPROVED, "approved"),
    REJECT(CommentStatus.TRASH, "moved to the trash"),
    SPAM(CommentStatus.SPAM, "marked as spam");

    private final CommentStatus outcome;
    private final String pastTense;

    Decision(CommentStatus outcome, String pastTense) {
        this.outcome = outcome;
        this.pastTense = pastTense;
    }

    CommentStatus outcome() {
        return outcome;
    }

    public String pastTense() {
        return pastTense;
    }

    /** Parses the value of a decision button ({@code approve}, {@code reject}, {@code spam}). */
    public static Optional<Decision> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
