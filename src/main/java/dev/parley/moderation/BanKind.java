package dev.parley.moderation;

import dev.parley.web.IpAddresses;
import java.util.Locale;
import java.util.Optional;

/** What a ban matches. */
public enum BanKind {
    EMAIL("email address"),
    IDENTITY("signed-in reader"),
    IP("IP address");

    private final String label;

    BanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<BanKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The form values are stored and compared in: email addresses in lower case, IP addresses canonical. */
    String normalise(String value) {
        String stripped = value == null ? "" : value.strip();
        return switch (this) {
            case EMAIL -> stripped.toLowerCase(Locale.ROOT);
            case IP -> IpAddresses.canonical(stripped);
            case IDENTITY -> stripped.replace("#", "");
        };
    }
}
