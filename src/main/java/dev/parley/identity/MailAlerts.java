package dev.parley.identity;

import java.util.Locale;
import java.util.Optional;

/** How a staff member hears of comments that need a moderator. */
public enum MailAlerts {
    EACH("A mail for each comment held, reported or marked as spam by a rule"),
    HOURLY("An hourly digest of what waits"),
    DAILY("A daily digest of what waits, at 08:00"),
    NONE("No mail: I look at the queue myself");

    private final String label;

    MailAlerts(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The form value: {@code each}, {@code hourly}… */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDigest() {
        return this == HOURLY || this == DAILY;
    }

    public static Optional<MailAlerts> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (MailAlerts choice : values()) {
            if (choice.value().equals(value.strip())) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
