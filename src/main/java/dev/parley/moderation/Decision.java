package dev.parley.moderation;

import dev.parley.article.CommentStatus;
import dev.parley.audit.AuditAction;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a moderator can do to a comment, from which statuses, and with what result. Every decision also
 * settles the comment's open reports.
 */
public enum Decision {
    APPROVE(
            CommentStatus.APPROVED,
            "approved",
            AuditAction.APPROVE,
            EnumSet.of(CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.TRASH, CommentStatus.APPROVED)),
    UNAPPROVE(CommentStatus.PENDING, "unapproved", AuditAction.UNAPPROVE, EnumSet.of(CommentStatus.APPROVED)),
    REJECT(
            CommentStatus.TRASH,
            "moved to the trash",
            AuditAction.REJECT,
            EnumSet.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM)),
    SPAM(
            CommentStatus.SPAM,
            "marked as spam",
            AuditAction.SPAM,
            EnumSet.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.TRASH)),
    NOT_SPAM(CommentStatus.PENDING, "marked as not spam", AuditAction.NOT_SPAM, EnumSet.of(CommentStatus.SPAM)),
    RESTORE(CommentStatus.PENDING, "restored", AuditAction.RESTORE, EnumSet.of(CommentStatus.TRASH)),
    DELETE(null, "deleted permanently", AuditAction.DELETE, EnumSet.of(CommentStatus.SPAM, CommentStatus.TRASH));

    private final CommentStatus outcome;
    private final String pastTense;
    private final AuditAction audited;
    private final Set<CommentStatus> from;

    Decision(CommentStatus outcome, String pastTense, AuditAction audited, Set<CommentStatus> from) {
        this.outcome = outcome;
        this.pastTense = pastTense;
        this.audited = audited;
        this.from = from;
    }

    /** The status it leads to; {@code null} for a permanent deletion. */
    CommentStatus outcome() {
        return outcome;
    }

    AuditAction audited() {
        return audited;
    }

    /** Whether it applies to a comment in this status (approving an approved comment dismisses its reports). */
    boolean appliesTo(CommentStatus status, boolean reported) {
        return from.contains(status) && (this != APPROVE || status != CommentStatus.APPROVED || reported);
    }

    /** The words on its button. */
    public String label() {
        return switch (this) {
            case APPROVE -> "Approve";
            case UNAPPROVE -> "Unapprove";
            case REJECT -> "Trash";
            case SPAM -> "Spam";
            case NOT_SPAM -> "Not spam";
            case RESTORE -> "Restore";
            case DELETE -> "Delete permanently";
        };
    }

    public String pastTense() {
        return pastTense;
    }

    /** The value of its button: {@code approve}, {@code not-spam}… */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the value of a decision button. */
    public static Optional<Decision> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
