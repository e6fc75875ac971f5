package dev.parley.moderation;

import dev.parley.article.CommentStatus;
import java.util.List;
import java.util.Locale;

/** The tabs of the queue, each with the decisions offered on its comments. */
public enum QueueTab {
    PENDING("Pending", CommentStatus.PENDING, List.of(Decision.APPROVE, Decision.SPAM, Decision.REJECT)),
    REPORTED("Reported", null, List.of(Decision.APPROVE, Decision.UNAPPROVE, Decision.SPAM, Decision.REJECT)),
    APPROVED("Approved", CommentStatus.APPROVED, List.of(Decision.UNAPPROVE, Decision.SPAM, Decision.REJECT)),
    SPAM("Spam", CommentStatus.SPAM, List.of(Decision.NOT_SPAM, Decision.REJECT, Decision.DELETE)),
    TRASH("Trash", CommentStatus.TRASH, List.of(Decision.RESTORE, Decision.SPAM, Decision.DELETE));

    private final String label;
    private final CommentStatus status;
    private final List<Decision> decisions;

    QueueTab(String label, CommentStatus status, List<Decision> decisions) {
        this.label = label;
        this.status = status;
        this.decisions = decisions;
    }

    public String label() {
        return label;
    }

    /** The status listed; {@code null} for the Reported tab, which lists comments with open reports. */
    CommentStatus status() {
        return status;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static QueueTab parse(String value) {
        for (QueueTab tab : values()) {
            if (tab.value().equals(value)) {
                return tab;
            }
        }
        return PENDING;
    }
}
