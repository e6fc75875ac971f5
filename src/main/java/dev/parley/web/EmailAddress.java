package dev.parley.web;

import java.util.regex.Pattern;

/**
 * What Parley accepts as an email address everywhere: something@domain.tld, as WordPress's is_email does, with
 * letters of any script. Commas, brackets, quotes, semicolons and spaces are refused: an address is written into
 * a mail's header as it is, and those would make it a list or a name instead of one address.
 */
public final class EmailAddress {

    /** The local part: letters and digits of any script and WordPress's symbols; the domain: labels and dots. */
    private static final String LOCAL_AT_DOMAIN = "^[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~.-]+"
            + "@[\\p{L}\\p{M}\\p{N}-]+(\\.[\\p{L}\\p{M}\\p{N}-]+)*\\.[\\p{L}\\p{M}\\p{N}-]{2,}$";

    /** For {@code @Pattern}: empty is let through, so that an empty field gets only its "required" message. */
    public static final String PATTERN_OR_EMPTY = "^$|" + LOCAL_AT_DOMAIN;

    public static final String INVALID = "Please enter a valid email address, such as name@example.com.";

    private static final Pattern ADDRESS = Pattern.compile(LOCAL_AT_DOMAIN);

    private EmailAddress() {}

    public static boolean isValid(String email) {
        return email != null && ADDRESS.matcher(email.strip()).matches();
    }
}
