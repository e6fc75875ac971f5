package dev.parley.rules;

/** One rule that matched, with its reason in plain words ("moderation word 'casino' in website"). */
public record Finding(Severity severity, String reason) {

    public enum Severity {
        /** Held for a moderator. */
        HOLD,
        /** Straight to spam. */
        SPAM
    }

    public static Finding hold(String reason) {
        return new Finding(Severity.HOLD, reason);
    }

    public static Finding spam(String reason) {
        return new Finding(Severity.SPAM, reason);
    }
}
