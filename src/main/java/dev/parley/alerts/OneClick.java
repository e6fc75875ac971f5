package dev.parley.alerts;

import dev.parley.moderation.Decision;
import java.util.Optional;

/**
 * The decisions a mail's links offer. A link's token carries one of them and the version of the comment the mail
 * showed ({@code approve:3}): a comment changed since is "already decided", never overwritten.
 */
public enum OneClick {
    APPROVE("approve", Decision.APPROVE, "Approve this comment", "Approved"),
    SPAM("spam", Decision.SPAM, "Mark as spam", "Marked as spam"),
    TRASH("trash", Decision.REJECT, "Move to trash", "Moved to the trash");

    final String value;
    final Decision decision;
    final String button;
    final String done;

    OneClick(String value, Decision decision, String button, String done) {
        this.value = value;
        this.decision = decision;
        this.button = button;
        this.done = done;
    }

    String scope(int version) {
        return value + ":" + version;
    }

    /** The decision and version a token's scope names. */
    record Scoped(OneClick action, int version) {}

    static Optional<Scoped> parse(String scope) {
        if (scope == null) {
            return Optional.empty();
        }
        String[] parts = scope.split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        for (OneClick action : values()) {
            if (action.value.equals(parts[0])) {
                try {
                    return Optional.of(new Scoped(action, Integer.parseInt(parts[1])));
                } catch (NumberFormatException notANumber) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public String button() {
        return button;
    }
}
