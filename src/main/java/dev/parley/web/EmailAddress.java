package dev.parley.web;

import java.util.regex.Pattern;

/** What Parley accepts as an email address everywhere: something@domain.tld, as WordPress's is_email does. */
public final class EmailAddress {

    /** For {@code @Pattern}: empty is let through, so that an empty field gets only its "required" message. */
    public static final String PATTERN_OR_EMPTY = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    public static final String INVALID = "Please enter a valid email address, such as name@example.com.";

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddress() {}

    public static boolean isValid(String email) {
        return email != null && ADDRESS.matcher(email.strip()).matches();
    }
}
