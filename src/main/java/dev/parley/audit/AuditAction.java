package dev.parley.audit;

import java.util.Locale;
import java.util.Optional;

/** What an audit entry records, with the words the log shows. */
public enum AuditAction {
    APPROVE("Approved"),
    UNAPPROVE("Unapproved"),
    REJECT("Moved to the trash"),
    SPAM("Marked as spam"),
    NOT_SPAM("Marked as not spam"),
    RESTORE("Restored from the trash"),
    DELETE("Deleted permanently"),
    DISMISS_REPORTS("Reports dismissed"),
    EDIT("Edited"),
    REPLY("Replied as staff"),
    BAN("Banned"),
    LIFT_BAN("Ban lifted"),
    SETTINGS("Changed discussion settings"),
    ARTICLE("Changed an article"),
    ACCOUNT("Changed an account"),
    PROVIDER("Changed a login provider"),
    SITE("Changed a site"),
    THREAD("Changed a thread on a site"),
    PURGE("Purged");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AuditAction> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
